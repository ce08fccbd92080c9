package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/store"
)

func TestAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	var out, errOut bytes.Buffer
	err := run([]string{"add", "Ana Ruiz", "--org", "City Council", "--tag", "policy", "--db", db, "--email", "ana@example.org"}, &out, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, "Added Ana Ruiz (to contact)") || !strings.Contains(got, "City Council") {
		t.Errorf("output = %q", got)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Contacts()
	s.Close()
	if err != nil || len(cs) != 1 || cs[0].Organisation != "City Council" || cs[0].Tags[0] != "policy" || cs[0].Created.IsZero() {
		t.Fatalf("saved %+v, %v", cs, err)
	}
}

func TestAddRefusesAndWritesNothing(t *testing.T) {
	for _, args := range [][]string{
		{"add"},
		{"add", "Ana", "--colour", "red"},
		{"add", "Ana", "--email", "not-an-email"},
		{"add", "--org", "X"},
	} {
		db := filepath.Join(t.TempDir(), "n.db")
		var out, errOut bytes.Buffer
		err := run(append(args, "--db", db), &out, &errOut)
		if err == nil {
			t.Errorf("%q: no error", args)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error is not one line: %q", args, err)
		}
		if _, statErr := os.Stat(db); !os.IsNotExist(statErr) {
			t.Errorf("%q: the notebook was created", args)
		}
	}
}

// Commands that change a notebook never make one where a path was
// mistyped: they say there is none, and create nothing.
func TestChangingCommandsRefuseAMissingNotebook(t *testing.T) {
	for _, args := range [][]string{{"compact"}, {"decrypt"}, {"passphrase"}, {"encrypt"}, {"forget", "Ana", "--yes"}} {
		dir := t.TempDir()
		db := filepath.Join(dir, "typo", "parley.db")
		var out, errOut bytes.Buffer
		err := run(append(args, "--db", db), &out, &errOut)
		if err == nil || !strings.Contains(err.Error(), "no notebook at") {
			t.Errorf("%v: %v, want no notebook at …", args, err)
		}
		if _, statErr := os.Stat(filepath.Dir(db)); !os.IsNotExist(statErr) {
			t.Errorf("%v created %s", args, filepath.Dir(db))
		}
	}
}
