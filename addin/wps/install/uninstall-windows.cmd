@echo off
rem 双击运行：卸载校企合作考核 WPS 加载项。Double-click to uninstall.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0uninstall-windows.ps1" %*
pause
