//! Starts the real `warrant` binary in a private X server, waits for its first frame, checks the
//! screen is not blank, and quits it with Ctrl+Q. Skipped (with the reason printed) only when no
//! X server can be started here.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The private X server: stopped with SIGTERM so it removes its lock file and socket (a SIGKILL
/// leaves them behind, and a later run on the same display would find a dead server's socket).
struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        if wait_for(Duration::from_secs(3), || self.0.try_wait().ok().flatten()).is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// A display number no X server holds (no lock file), near one chosen by the process id.
fn free_display() -> Option<u32> {
    let base = 150 + std::process::id() % 100;
    (0..100)
        .map(|i| 150 + (base - 150 + i) % 100)
        .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
}

fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(x) = f() {
            return Some(x);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
fn the_real_window_opens_draws_and_quits() {
    for tool in ["Xvfb", "xdotool", "import", "convert"] {
        if !have(tool) {
            println!("SKIPPED: {tool} is not installed (apt-get install xvfb xdotool imagemagick)");
            return;
        }
    }
    let home = tempfile::tempdir().unwrap();
    let runtime = tempfile::tempdir().unwrap();
    let Some(n) = free_display() else {
        println!("SKIPPED: no free X display number");
        return;
    };
    let display = format!(":{n}");
    let mut xvfb = Server(
        Command::new("Xvfb")
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let socket = format!("/tmp/.X11-unix/X{}", &display[1..]);
    // Up only if our server made the socket and is still running (not refused for a lock).
    if wait_for(Duration::from_secs(10), || {
        (Path::new(&socket).exists() && matches!(xvfb.0.try_wait(), Ok(None))).then_some(())
    })
    .is_none()
    {
        println!("SKIPPED: the X server did not start");
        return;
    }
    let app = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .env("DISPLAY", &display)
        .env("HOME", home.path())
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_DATA_HOME", home.path().join(".local/share"))
        .env("WARRANT_NO_FILE_DIALOG", "1")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = app.id().to_string();
    let mut app = Killed(app);
    let window = wait_for(Duration::from_mins(1), || {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &pid])
            .env("DISPLAY", &display)
            .output()
            .ok()?;
        String::from_utf8(out.stdout)
            .ok()?
            .lines()
            .next()
            .map(str::to_owned)
    })
    .expect("no window appeared within 60 s");
    let x = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &display)
            .status()
            .unwrap();
    };
    x(&["windowsize", &window, "1280", "800"]);
    x(&["windowfocus", "--sync", &window]);
    std::thread::sleep(Duration::from_secs(3));
    let shot = home.path().join("shot.png");
    let ok = Command::new("import")
        .args(["-window", "root"])
        .arg(&shot)
        .env("DISPLAY", &display)
        .status()
        .unwrap();
    assert!(ok.success());
    let colours = Command::new("convert")
        .arg(&shot)
        .args(["-format", "%k", "info:"])
        .output()
        .unwrap();
    let colours: u32 = String::from_utf8_lossy(&colours.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    assert!(
        colours > 50,
        "the window looks blank: {colours} colours on screen"
    );

    x(&["key", "--window", &window, "ctrl+q"]);
    let exited = wait_for(Duration::from_secs(15), || app.0.try_wait().ok().flatten());
    let status = exited.expect("Ctrl+Q did not close the window");
    assert!(status.success(), "warrant exited with {status}");
}
