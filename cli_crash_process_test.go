package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A panic inside a command of the running program, in the real binary on
// a real terminal (script(1) gives it one): the terminal is given back,
// no stack is printed, the report lands beside the notebook (0600) and the
// exit status is 1. The panic is injected at build time.
func TestCrashOfTheProgramIsReportedNotDumped(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1) to give the program a terminal")
	}
	bin := filepath.Join(t.TempDir(), "parley-crashing")
	build := exec.Command("go", "build", "-ldflags", "-X parley/ui.injectPanic=command", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	if r := parley(t, "add", "Ana Ruiz", "--db", db); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	r := runCommand(t, []string{script, "-qec", bin + " --db " + db, "/dev/null"})
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	terminal := r.stdout + r.stderr
	for _, dump := range []string{"goroutine", "Caught panic", ".go:"} {
		if strings.Contains(terminal, dump) {
			t.Errorf("the terminal shows %q:\n%s", dump, terminal)
		}
	}
	report := regexp.MustCompile(`\S*parley-crash-\S*\.txt`).FindString(terminal)
	if filepath.Dir(report) != dir {
		t.Fatalf("no report beside the notebook named in:\n%s", terminal)
	}
	info, err := os.Stat(report)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("report %s: %v, %v", report, info, err)
	}
	data, _ := os.ReadFile(report)
	if !strings.Contains(string(data), "injected panic in a command") || !strings.Contains(string(data), "goroutine") {
		t.Errorf("report holds:\n%s", data)
	}
}
