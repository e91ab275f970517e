@echo off
rem 双击运行：为当前用户安装校企合作考核 WPS 加载项。Double-click to install for the current user.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1" %*
pause
