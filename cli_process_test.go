package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"parley/store"
	"parley/store/storetest"
	"parley/ui/safetext"
)

// parleyBin is the parley binary TestMain builds once for the tests that
// run it as the user would, as separate processes.
var parleyBin string

func TestMain(m *testing.M) {
	if db := os.Getenv(holdLockEnv); db != "" {
		os.Exit(holdLock(db))
	}
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "parley-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	parleyBin = filepath.Join(dir, "parley")
	build := exec.Command("go", "build", "-o", parleyBin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build parley: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

type result struct {
	stdout, stderr string
	code           int
}

// parley runs the binary with args and no terminal, giving up after ten
// seconds so that a hang (a FIFO opened for reading) fails the test.
func parley(t *testing.T, args ...string) result {
	t.Helper()
	return runCommand(t, append([]string{parleyBin}, args...))
}

// runCommand runs argv, which runs parley, perhaps through a wrapper.
func runCommand(t *testing.T, argv []string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "PARLEY_DB=", "NO_COLOR=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%q hung", argv)
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

// failsPlainly checks the way every refusal must look: exit 1, one line on
// stderr that says want, no Go internals.
func failsPlainly(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "parley: ") {
		t.Errorf("stderr is not one line: %q", r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q does not say %q", r.stderr, want)
	}
	for _, internal := range []string{"runtime error", "goroutine", "panic", "nil pointer", ".go:"} {
		if strings.Contains(r.stderr, internal) {
			t.Errorf("stderr shows internals: %q", r.stderr)
		}
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestConcurrentAddsOnANewNotebook(t *testing.T) {
	const rounds, adders = 5, 20
	for round := range rounds {
		db := filepath.Join(t.TempDir(), "new", "parley.db")
		var wg sync.WaitGroup
		results := make([]result, adders)
		for i := range adders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = parley(t, "add", fmt.Sprintf("Person %d", i), "--db", db)
			}()
		}
		wg.Wait()
		added := map[string]bool{}
		for i, r := range results {
			name := fmt.Sprintf("Person %d", i)
			// One that waits too long for the lock queues its contact in
			// the spool, which the next open takes in.
			if r.code == 0 && (strings.HasPrefix(r.stdout, "Added "+name+" ") || strings.HasPrefix(r.stdout, "Queued "+name+" ")) {
				added[name] = true
				continue
			}
			// Losing the race for the lock is the one acceptable failure.
			failsPlainly(t, r, "it is open in another Parley")
		}
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := s.Contacts()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]bool{}
		for _, c := range cs {
			stored[c.Name] = true
		}
		for name := range added {
			if !stored[name] {
				t.Errorf("round %d: %s was reported added but is not in the notebook", round, name)
			}
		}
		if len(cs) != len(added) {
			t.Errorf("round %d: %d contacts stored, %d reported added", round, len(cs), len(added))
		}
		leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".*"))
		if len(leftovers) > 0 {
			t.Errorf("round %d: temporary files left: %v", round, leftovers)
		}
		t.Logf("round %d: %d of %d added (any others were told the notebook was busy)", round, len(added), adders)
	}
}

func TestExportOfMissingNotebookCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo", "typo.db")
	failsPlainly(t, parley(t, "export", "--db", db), "no notebook at "+db)
	if _, err := os.Stat(filepath.Join(dir, "typo")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("export created the folder: %v", err)
	}
}

func TestExportOfReadOnlyNotebook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if r := parley(t, "add", "Ana Ruiz", "--db", db); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	before := sum(t, db)
	argv := []string{parleyBin}
	if os.Getuid() == 0 {
		// root may write a 0400 file; export as nobody, for whom it is
		// truly read-only.
		argv = asNobody(t, db)
	}
	r := runCommand(t, append(argv, "export", "--db", db))
	if r.code != 0 || !strings.Contains(r.stdout, `"Ana Ruiz"`) {
		t.Fatalf("export: %+v", r)
	}
	if sum(t, db) != before {
		t.Error("export changed the file")
	}
}

// asNobody hands db to the user nobody and opens the folders down to it
// and to the binary, and returns the command that runs parley as nobody.
func asNobody(t *testing.T, db string) []string {
	t.Helper()
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv: cannot test a read-only file")
	}
	const nobody = 65534
	if err := os.Chown(db, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Dir(db), filepath.Dir(filepath.Dir(db)), filepath.Dir(parleyBin)} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", parleyBin}
}

func TestWhatIsNotANotebookFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "named pipe", dir: "folder", "/dev/null": "device"} {
		for _, cmd := range []string{"add", "export"} {
			args := []string{"export", "--db", path}
			if cmd == "add" {
				args = []string{"add", "Ana", "--db", path}
			}
			failsPlainly(t, parley(t, args...), "it is a "+want)
		}
	}
}

func TestAddThroughADanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "parley.db")
	os.Symlink("notebook.db", link)
	if r := parley(t, "add", "Ana", "--db", link); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if r := parley(t, "export", "--db", filepath.Join(dir, "notebook.db")); !strings.Contains(r.stdout, `"Ana"`) {
		t.Errorf("the target does not hold the contact: %+v", r)
	}
}

func TestDamagedNotebookIsReportedAndUntouched(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(db string) error
		want   string
	}{
		{"missing bucket", func(db string) error { return storetest.DeleteBucket(db, "contacts") }, "its contacts bucket is missing"},
		{"record not JSON", func(db string) error { return storetest.Put(db, "contacts", storetest.ID(1), []byte("{\"name\":")) }, "contact 1 is not valid JSON"},
		{"timeline entry of the wrong shape", func(db string) error {
			if err := storetest.SetSequence(db, "interactions", 1); err != nil {
				return err
			}
			return storetest.Put(db, "interactions", storetest.ID(1), []byte(`{"id":1,"at":"yesterday"}`))
		}, "timeline entry 1 cannot be read"},
		{"schema -1", func(db string) error { return storetest.Put(db, "meta", []byte("schema"), []byte("-1")) }, "schema version is unreadable"},
		{"next ID taken", func(db string) error { return storetest.SetSequence(db, "contacts", 0) }, "next ID (1) is below"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "n.db")
			if r := parley(t, "add", "Ana Ruiz", "--db", db); r.code != 0 {
				t.Fatal(r.stderr)
			}
			if err := tc.damage(db); err != nil {
				t.Fatal(err)
			}
			before := sum(t, db)
			failsPlainly(t, parley(t, "export", "--db", db), tc.want)
			failsPlainly(t, parley(t, "add", "Bo", "--db", db), tc.want)
			if sum(t, db) != before {
				t.Error("the damaged file was changed")
			}
		})
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	for _, p := range safetext.Payloads() {
		r := parley(t, "add", p, "--org", p, "--role", p, "--tag", p, "--note", p, "--db", db)
		if r.code != 0 && !strings.Contains(r.stderr, "name") {
			t.Errorf("add %q: %+v", p, r)
		}
		for what, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if bad := safetext.Unsafe(out); bad != "" {
				t.Errorf("add %q: %s has %s: %q", p, what, bad, out)
			}
		}
		// The email check quotes what was typed in its error.
		r = parley(t, "add", "Ana", "--email", p, "--db", db)
		if bad := safetext.Unsafe(r.stdout + r.stderr); bad != "" {
			t.Errorf("add --email %q: output has %s: %q", p, bad, r.stdout+r.stderr)
		}
	}
	r := parley(t, "export", "--db", db)
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if bad := safetext.Unsafe(r.stdout); bad != "" {
		t.Errorf("export has %s", bad)
	}
	for i, b := range []byte(r.stdout) {
		if b >= 0x80 {
			continue
		}
		if b < 0x20 && b != '\n' || b == 0x7f {
			t.Fatalf("export has byte %#x at %d", b, i)
		}
	}
	var nb store.Notebook
	if err := json.Unmarshal([]byte(r.stdout), &nb); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	notes := map[string]bool{}
	for _, c := range nb.Contacts {
		notes[c.Notes] = true
		if c.Name != safetext.Clean(c.Name) || c.Organisation != safetext.Clean(c.Organisation) {
			t.Errorf("saved uncleaned: %q, %q", c.Name, c.Organisation)
		}
	}
	// Notes are kept exactly as typed (trimmed), and come back from the
	// export the same.
	for _, p := range safetext.Payloads() {
		if !notes[strings.TrimSpace(p)] {
			t.Errorf("note %q did not round-trip through export", p)
		}
	}
	if again := parley(t, "export", "--db", db); again.stdout != r.stdout {
		t.Error("two exports differ")
	}
}
