@echo off
rem RevLens launcher for Windows: builds the runnable jar when it is missing, then runs it.
rem The same as ./revlens without its start-up shortcuts (class-data sharing, the unpacked DuckDB library),
rem which are Linux-specific. REVLENS_JAVA_OPTS adds JVM options.
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\target\revlens.jar"
if not exist "%JAR%" (
  echo revlens: building %JAR% ^(first run^) ... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -B -q -DskipTests package 1>&2
  if errorlevel 1 ( popd & exit /b 4 )
  popd
)
set "TMPDIR=%ROOT%\target\tmp"
if not exist "%TMPDIR%" mkdir "%TMPDIR%"
java -XX:+UseSerialGC -Dspring.aot.enabled=true %REVLENS_JAVA_OPTS% "-Djava.io.tmpdir=%TMPDIR%" -Djava.awt.headless=true "-Drevlens.project=%ROOT%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
