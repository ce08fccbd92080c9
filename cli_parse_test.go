package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// usageFails checks the way a mistake in how parley was called must look:
// exit 2, one line on stderr that says want, nothing on stdout.
func usageFails(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 2 {
		t.Errorf("exit %d, want 2 (stderr %q)", r.code, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "parley: ") {
		t.Errorf("stderr is not one line: %q", r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q does not say %q", r.stderr, want)
	}
	if r.stdout != "" {
		t.Errorf("stdout has %q", r.stdout)
	}
}

func TestGlobalDBBeforeOrAfterTheCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if r := parley(t, "--db", db, "add", "Ana Ruiz"); r.code != 0 {
		t.Fatalf("--db before add: %+v", r)
	}
	if r := parley(t, "add", "--db="+db, "Bo Li", "--org", "X"); r.code != 0 {
		t.Fatalf("--db= between: %+v", r)
	}
	for _, args := range [][]string{{"--db", db, "export"}, {"export", "--db", db}, {"--db=" + db, "export"}} {
		r := parley(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, `"Ana Ruiz"`) || !strings.Contains(r.stdout, `"Bo Li"`) || r.stderr != "" {
			t.Errorf("%q: %+v", args, r)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := parley(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "export") || r.stderr != "" {
			t.Errorf("%q: %+v", args, r)
		}
	}
	for _, args := range [][]string{{"help", "add"}, {"add", "--help"}, {"add", "-h"}} {
		r := parley(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "--org") || r.stderr != "" {
			t.Errorf("%q: %+v", args, r)
		}
	}
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		r := parley(t, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "parley ") || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%q: %+v", args, r)
		}
	}
}

func TestBadUsageExitsTwo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"exprot"}, `unknown command "exprot"`},
		{[]string{"export", "extra"}, "takes no arguments"},
		{[]string{"--colour"}, "unknown option --colour"},
		{[]string{"export", "--bogus"}, "unknown option --bogus"},
		{[]string{"add"}, "add needs a name"},
		{[]string{"add", "Ana", "Ruiz"}, "put it in quotes"},
		{[]string{"add", "Ana", "-org", "X"}, "options take two dashes: --org"},
		{[]string{"help", "nope"}, `no help for "nope"`},
		{[]string{"version", "now"}, "takes no arguments"},
	} {
		usageFails(t, parley(t, append(tc.args, "--db", db)...), tc.want)
	}
	usageFails(t, parley(t, "export", "--db"), "--db needs a value")
	// A bad value is the user's mistake, exit 1, and nothing is written.
	failsPlainly(t, parley(t, "add", "Ana", "--email", "nope", "--db", db), "email address")
}

func TestNextExitStatus(t *testing.T) {
	dir := t.TempDir()
	failsPlainly(t, parley(t, "next", "--db", filepath.Join(dir, "none.db")), "no notebook at")
	db := filepath.Join(dir, "n.db")
	if r := parley(t, "add", "Ana", "--db", db); r.code != 0 {
		t.Fatal(r)
	}
	if r := parley(t, "next", "--db", db); r.code != 3 || r.stdout != "" || r.stderr != "" {
		t.Errorf("nothing due: %+v", r)
	}
	if r := parley(t, "add", "Bo", "--referred-by", "Ana", "--db", db); r.code != 0 {
		t.Fatal(r)
	}
	if r := parley(t, "next", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "Bo ") || r.stderr != "" {
		t.Errorf("a referral to contact: %+v", r)
	}
	usageFails(t, parley(t, "next", "--days", "-1", "--db", db), "--days is from 0 to 366")
	usageFails(t, parley(t, "next", "--days", "soon", "--db", db), "")
}
