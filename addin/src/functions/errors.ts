/**
 * The one error type custom functions throw. It is deliberately host-neutral: the registry
 * runs unchanged under Excel (which needs `CustomFunctions.Error`), under WPS (where a thrown
 * error is enough) and in tests. Each host turns it into its own error at registration.
 */
export class FunctionArgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionArgError';
  }
}
