package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/store"
)

var cliNow = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// runIn runs parley in this process with stdin and a terminal that answers
// with answers, one per question (none: there is no terminal).
func runIn(t *testing.T, stdin string, answers []string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &cli{stdout: &out, stderr: &errOut, now: func() time.Time { return cliNow },
		stdin: strings.NewReader(stdin),
		askPassphrase: func(string) ([]byte, error) {
			if len(answers) == 0 {
				return nil, errNoTerminal
			}
			a := answers[0]
			answers = answers[1:]
			return []byte(a), nil
		}}
	err := execute(app, args)
	return out.String(), err
}

func writePassphrase(t *testing.T, p string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(f, []byte(p+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEncryptCommandsRoundTrip(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	mustRun := func(stdin string, answers []string, args ...string) string {
		t.Helper()
		out, err := runIn(t, stdin, answers, append(args, "--db", db)...)
		if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		return out
	}
	mustRun("", nil, "add", "Ana Ruiz", "--org", "City Council")
	plainExport := mustRun("", nil, "export")

	if _, err := runIn(t, "", []string{"one", "two"}, "encrypt", "--db", db); err == nil ||
		!strings.Contains(err.Error(), "differ") {
		t.Fatalf("mismatched passphrases: %v", err)
	}
	out := mustRun("", []string{"first pass", "first pass"}, "encrypt")
	if !strings.Contains(out, "no one, you and Parley included, can open") {
		t.Errorf("encrypt does not say what losing the passphrase means: %q", out)
	}
	if _, err := runIn(t, "", nil, "export", "--db", db); err == nil || !strings.Contains(err.Error(), "--passphrase-file") {
		t.Errorf("export without a terminal or --passphrase-file: %v", err)
	}
	_, err := runIn(t, "", []string{"not it"}, "export", "--db", db)
	if !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	if got := mustRun("", []string{"first pass"}, "export"); got != plainExport {
		t.Errorf("the encrypted notebook exports differently:\n%s\nwant\n%s", got, plainExport)
	}
	// A quick capture needs no passphrase: it waits sealed in the spool.
	out = mustRun("", nil, "add", "Bo Li", "--note", "met at the fair")
	if !strings.Contains(out, "Queued Bo Li") || !strings.Contains(out, "sealed") {
		t.Errorf("add to an encrypted notebook: %q", out)
	}
	first, second := writePassphrase(t, "first pass"), writePassphrase(t, "second pass")
	mustRun("", nil, "passphrase", "--passphrase-file", first, "--new-passphrase-file", second)
	if _, err := runIn(t, "", nil, "export", "--db", db, "--passphrase-file", first); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("the old passphrase still opens it: %v", err)
	}
	if got := mustRun("", nil, "export", "--passphrase-file", second); !strings.Contains(got, "met at the fair") {
		t.Errorf("the spooled contact was not taken in: %s", got)
	}
	mustRun("", nil, "decrypt", "--passphrase-file", second)
	if got := mustRun("", nil, "export"); !strings.Contains(got, "Bo Li") || !strings.Contains(got, "Ana Ruiz") {
		t.Errorf("after decrypt: %s", got)
	}
}

func TestForgetCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	mustRun := func(stdin string, args ...string) string {
		t.Helper()
		out, err := runIn(t, stdin, nil, append(args, "--db", db)...)
		if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		return out
	}
	mustRun("", "add", "Ana Ruiz", "--org", "Zqsecretorg", "--note", "Zqsecretnote")
	mustRun("", "add", "Bo Li", "--referred-by", "Ana", "--note", "Ana Ruiz said hello")
	if err := os.Mkdir(filepath.Join(dir, "backups"), 0o700); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(db)
	backup := filepath.Join(dir, "backups", "n-2026-11-01.db")
	if err := os.WriteFile(backup, data, 0o600); err != nil {
		t.Fatal(err)
	}

	out, err := runIn(t, "no\n", nil, "forget", "Ana", "--db", db)
	if err == nil {
		t.Fatalf("unconfirmed forget: %v\n%s", err, out)
	}
	for _, want := range []string{"Forgetting Ana Ruiz", `"referred by" of Bo Li`, "what you wrote about Bo Li", backup} {
		if !strings.Contains(out, want) {
			t.Errorf("the confirmation does not say %q:\n%s", want, out)
		}
	}
	if raw, _ := os.ReadFile(db); !bytes.Contains(raw, []byte("Zqsecretnote")) {
		t.Fatal("an unconfirmed forget removed something")
	}
	out = mustRun("forget\nyes\n", "forget", "Ana")
	if !strings.Contains(out, "Forgot Ana Ruiz") || !strings.Contains(out, "Deleted "+backup) {
		t.Errorf("forget said:\n%s", out)
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Zqsecretorg", "Zqsecretnote"} {
		if bytes.Contains(raw, []byte(gone)) {
			t.Errorf("the file still holds %q", gone)
		}
	}
	if _, err := os.Stat(backup); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the backup is still there: %v", err)
	}
}
