//! Kill `warrant new --force` with SIGKILL at random moments while it overwrites a big map:
//! the target must always load afterwards (the old version or the new one, never a torn file).

use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// A small, seedable pseudo-random sequence (xorshift), so a failure can be reproduced.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn killing_a_save_never_leaves_a_broken_map() {
    let dir = tempfile::tempdir().unwrap();
    // A large article (~8 MB) so that writing takes long enough to be interrupted mid-way.
    let paragraph = "Russia’s opposition to NATO rests on two mutually exclusive arguments — \
                     NATO is omnipotent, and NATO is a relic of the Cold War.\n";
    let article = dir.path().join("big.txt");
    std::fs::write(
        &article,
        paragraph.repeat(8 * 1024 * 1024 / paragraph.len()),
    )
    .unwrap();
    let target = dir.path().join("map.json");
    let new = |title: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_warrant"));
        c.arg("new")
            .arg(&target)
            .args(["--title", title, "--force"])
            .arg(&article);
        c
    };
    assert!(new("first").status().unwrap().success());
    // How long an uninterrupted save takes, to spread the kills over it.
    let t = Instant::now();
    assert!(new("second").status().unwrap().success());
    let full = t.elapsed().as_micros().max(1000) as u64;

    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let mut interrupted = 0;
    for round in 0..25 {
        let mut child = new(&format!("round {round}")).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % full));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if !status.success() {
            interrupted += 1;
        }
        let map = warrant::io::load(&target)
            .unwrap_or_else(|e| panic!("seed {seed}, round {round}: {e}"));
        assert!(
            map.title == "first" || map.title == "second" || map.title.starts_with("round "),
            "{}",
            map.title
        );
        assert_eq!(map.sources.len(), 1);
    }
    assert!(
        interrupted > 5,
        "only {interrupted} of 25 saves were interrupted (seed {seed})"
    );
}
