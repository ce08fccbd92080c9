package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"parley/model"
)

const crashChildEnv = "PARLEY_CRASH_CHILD_DB"

// TestMain lets the test binary double as the crash test's writer process.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		os.Exit(crashChild(path))
	}
	os.Exit(m.Run())
}

// crashChild writes contacts and an ever longer interview in a loop, and
// reports each write on stdout only after its transaction has committed.
func crashChild(path string) int {
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	c, err := s.PutContact(model.Contact{Name: "Writer"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	iv := model.NewInterview(c.ID, nil, t0)
	for i := 1; ; i++ {
		saved, err := s.PutContact(model.Contact{Name: fmt.Sprintf("contact %d", i)})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		iv.Notes = append(iv.Notes, model.Note{Text: fmt.Sprintf("note %d", i)})
		if iv, err = s.PutInterview(iv); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("committed %d %d %d\n", i, saved.ID, iv.ID)
	}
}

func TestKilledWriterLosesNothingCommitted(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test spawns a process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	const writes = 300
	type commit struct{ n, contactID, interviewID uint64 }
	var last commit
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) != 4 {
			t.Fatalf("child said %q", lines.Text())
		}
		last.n, _ = strconv.ParseUint(f[1], 10, 64)
		last.contactID, _ = strconv.ParseUint(f[2], 10, 64)
		last.interviewID, _ = strconv.ParseUint(f[3], 10, 64)
		if last.n == writes {
			break
		}
	}
	if last.n < writes {
		t.Fatalf("child stopped after %d writes: %s", last.n, stderr.String())
	}
	// Kill while it is in the middle of further writes.
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	s, err := Open(path)
	if err != nil {
		t.Fatalf("notebook does not open after kill -9: %v", err)
	}
	defer s.Close()
	contacts, err := s.Contacts()
	if err != nil {
		t.Fatal(err)
	}
	// The writer plus at least every reported contact.
	if uint64(len(contacts)) < last.n+1 {
		t.Errorf("%d contacts survive, %d were reported committed", len(contacts)-1, last.n)
	}
	if _, err := s.Contact(last.contactID); err != nil {
		t.Errorf("last reported contact lost: %v", err)
	}
	iv, err := s.Interview(last.interviewID)
	if err != nil {
		t.Fatal(err)
	}
	if uint64(len(iv.Notes)) < last.n {
		t.Errorf("interview has %d notes, %d were reported committed", len(iv.Notes), last.n)
	}
	for i := uint64(0); i < last.n; i++ {
		if want := fmt.Sprintf("note %d", i+1); iv.Notes[i].Text != want {
			t.Fatalf("note %d = %q, want %q", i, iv.Notes[i].Text, want)
		}
	}
	t.Logf("killed after %d reported writes; %d contacts and %d notes on disk", last.n, len(contacts)-1, len(iv.Notes))
}
