package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"parley/store"
)

func exportNotebook(t *testing.T, db string) store.Notebook {
	t.Helper()
	r := parley(t, "export", "--db", db)
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	var nb store.Notebook
	if err := json.Unmarshal([]byte(r.stdout), &nb); err != nil {
		t.Fatal(err)
	}
	return nb
}

func TestAddEveryField(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if r := parley(t, "add", "Ana Ruiz", "--org", "City Council", "--db", db); r.code != 0 {
		t.Fatal(r)
	}
	r := parley(t, "add", "Bo Li", "--db", db, "--phone", "+44 20 7946 0000", "--field", "housing policy",
		"--url", "example.org/bo", "--location", "Leeds", "--referred-by", "ana", "--stage", "request-sent",
		"--tag", "housing", "--tag", "leeds", "--note", "ask about the pilot")
	if r.code != 0 || !strings.Contains(r.stdout, "by:    Ana Ruiz (City Council) #1") {
		t.Fatalf("add: %+v", r)
	}
	nb := exportNotebook(t, db)
	if len(nb.Contacts) != 2 {
		t.Fatalf("%d contacts", len(nb.Contacts))
	}
	bo := nb.Contacts[1]
	if bo.Phone != "+44 20 7946 0000" || bo.Field != "housing policy" || bo.ProfileURL != "example.org/bo" ||
		bo.Location != "Leeds" || bo.ReferredBy != 1 || bo.FoundVia != "referral" || bo.Stage != "request sent" ||
		strings.Join(bo.Tags, ",") != "housing,leeds" || bo.Notes != "ask about the pilot" {
		t.Errorf("saved %+v", bo)
	}
}

func TestAddRefusesAmbiguousReferrerAndDuplicates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	for _, args := range [][]string{
		{"Ana Ruiz", "--org", "City Council", "--email", "ana@example.org"},
		{"Ana Ruiz", "--org", "Port Authority"},
	} {
		if r := parley(t, append([]string{"add", "--db", db}, args...)...); r.code != 0 {
			t.Fatal(r)
		}
	}
	before := sum(t, db)
	failsPlainly(t, parley(t, "add", "Bo", "--referred-by", "Ana Ruiz", "--db", db),
		`"Ana Ruiz" could be Ana Ruiz (City Council) #1, Ana Ruiz (Port Authority) #2`)
	failsPlainly(t, parley(t, "add", "Bo", "--referred-by", "Zed", "--db", db), `no contact is called "Zed"`)
	failsPlainly(t, parley(t, "add", "A. Ruiz", "--email", "Ana@Example.org", "--db", db),
		"not added: Ana Ruiz (City Council) #1 is already in the notebook with the same email; --force adds another")
	failsPlainly(t, parley(t, "add", "ana ruiz", "--org", "port authority", "--db", db),
		"Ana Ruiz (Port Authority) #2 is already in the notebook with the same name and organisation")
	failsPlainly(t, parley(t, "add", "Bo", "--stage", "done", "--db", db), `"done" is not a stage`)
	if sum(t, db) != before {
		t.Error("a refused add changed the notebook")
	}
	if r := parley(t, "add", "ana ruiz", "--org", "port authority", "--force", "--db", db); r.code != 0 {
		t.Errorf("--force: %+v", r)
	}
	if r := parley(t, "add", "Bo", "--referred-by", "#2", "--db", db); r.code != 0 {
		t.Errorf("--referred-by #2: %+v", r)
	}
	if n := len(exportNotebook(t, db).Contacts); n != 4 {
		t.Errorf("%d contacts, want 4", n)
	}
}

func TestCompletionAndManPage(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		r := parley(t, "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "parley") || r.stderr != "" {
			t.Errorf("completion %s: exit %d, stderr %q", shell, r.code, r.stderr)
		}
	}
	usageFails(t, parley(t, "completion", "tcsh"), `no completion for "tcsh"`)

	db := filepath.Join(t.TempDir(), "n.db")
	for _, name := range []string{"Ana Ruiz", "Anabel Ortiz", "Bo Li"} {
		if r := parley(t, "add", name, "--org", "X", "--db", db); r.code != 0 {
			t.Fatal(r)
		}
	}
	// __complete is what the shell scripts call.
	r := parley(t, "__complete", "add", "Cy", "--db", db, "--referred-by", "An")
	if r.code != 0 || !strings.Contains(r.stdout, "Ana Ruiz\tX\n") || !strings.Contains(r.stdout, "Anabel Ortiz\tX\n") || strings.Contains(r.stdout, "Bo Li") {
		t.Errorf("names for --referred-by An: %+v", r)
	}
	r = parley(t, "__complete", "add", "Cy", "--db", filepath.Join(t.TempDir(), "missing.db"), "--referred-by", "")
	if r.code != 0 || strings.Contains(r.stdout, "Ana") {
		t.Errorf("names from a missing notebook: %+v", r)
	}

	r = parley(t, "man")
	if r.code != 0 || !strings.HasPrefix(r.stdout, ".TH PARLEY 1") || !strings.Contains(r.stdout, "referred\\-by") && !strings.Contains(r.stdout, "referred-by") || strings.Contains(r.stdout, "`") {
		t.Errorf("man: exit %d, stderr %q, starts %.80q", r.code, r.stderr, r.stdout)
	}
}
