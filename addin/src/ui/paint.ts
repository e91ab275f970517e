/**
 * Lets the browser paint before synchronous work. WPS's ET object model is synchronous: once
 * an action starts calling it, nothing is drawn until it ends, so a "正在检查…" set just before
 * would never be seen. Waiting for the next animation frame, then a task, puts the frame on
 * screen first. Where frames never come (a hidden page, Node), the timeout alone still yields.
 */
export function afterPaint(win: { requestAnimationFrame?: (cb: () => void) => unknown; setTimeout: (cb: () => void, ms: number) => unknown } = globalThis as never): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    // Hidden pages get no frames; never wait on one for long.
    win.setTimeout(finish, 50);
  });
}
