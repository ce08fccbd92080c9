package main

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"parley/store"
)

// notebookState opens the notebook at db with no passphrase and then with
// each of passes, and says which one opens it ("" for plain), after
// checking every record reads and the contacts are all there.
func notebookState(t *testing.T, db string, contacts int, passes ...string) string {
	t.Helper()
	for _, p := range append([]string{""}, passes...) {
		s, err := store.OpenReadOnly(db, store.WithPassphrase([]byte(p)))
		if errors.Is(err, store.ErrNeedsPassphrase) || errors.Is(err, store.ErrWrongPassphrase) {
			continue
		}
		if err != nil {
			t.Fatalf("the notebook does not open: %v", err)
		}
		defer s.Close()
		if err := s.Verify(); err != nil {
			t.Fatalf("with %q: %v", p, err)
		}
		cs, err := s.Contacts()
		if err != nil || len(cs) != contacts {
			t.Fatalf("with %q: %d contacts, %v; want %d", p, len(cs), err, contacts)
		}
		return p
	}
	t.Fatalf("the notebook opens with none of the passphrases %q, nor plain", passes)
	return ""
}

// Killing encrypt, passphrase or decrypt at any moment leaves a notebook
// that opens with the old passphrase or the new one (or plain, before
// encrypt and after decrypt), never with neither, and with every record.
func TestKillDuringEncryptAndPassphrase(t *testing.T) {
	const contacts = 300
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	if r := parley(t, "demo", "--db", db, "--contacts", "300"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	files := map[string]string{"": ""}
	passes := []string{"alpha", "bravo", "charlie"}
	for _, p := range passes {
		files[p] = writePassphrase(t, p)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	state := ""
	outcomes := map[string]int{}
	for i := range 14 {
		var args []string
		next := passes[i%len(passes)]
		switch {
		case state == "":
			args = []string{"encrypt", "--passphrase-file", files[next]}
		case i%5 == 4:
			args, next = []string{"decrypt", "--passphrase-file", files[state]}, ""
		default:
			if next == state {
				next = passes[(i+1)%len(passes)]
			}
			args = []string{"passphrase", "--passphrase-file", files[state], "--new-passphrase-file", files[next]}
		}
		// Each command takes about a second here (the KDF, the rewrite and
		// its syncs): kill anywhere from before the start to after the end.
		killAfter := time.Duration(rng.IntN(1500)+1) * time.Millisecond
		r := startParley(t, killAfter, append(args, "--db", db)...)()
		got := notebookState(t, db, contacts, passes...)
		switch {
		case r.code == 0 && got != next:
			t.Fatalf("%q finished, but the notebook opens with %q, not %q", args, got, next)
		case r.code > 0:
			t.Fatalf("%q failed: %s", args, r.stderr)
		case got != state && got != next:
			t.Fatalf("%q killed after %v: the notebook opens with %q, neither %q nor %q", args, killAfter, got, state, next)
		}
		if got == state && r.code != 0 {
			outcomes["killed, old kept"]++
		} else if r.code != 0 {
			outcomes["killed, new in place"]++
		} else {
			outcomes["finished"]++
		}
		state = got
	}
	t.Logf("outcomes: %v", outcomes)
}
