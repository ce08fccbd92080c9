package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/store"
	"parley/ui/safetext"
)

// parleyWithInput runs the binary with stdin.
func parleyWithInput(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, parleyBin, args...)
	cmd.Env = append(os.Environ(), "PARLEY_DB=", "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

const twoCards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nORG:Acme\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Li\r\nEND:VCARD\r\n"

func TestImportVCardTwiceChangesNothingAndDryRunWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if r := parley(t, "add", "Ana Ruiz", "--email", "ANA@example.org", "--db", db); r.code != 0 {
		t.Fatal(r)
	}
	before := sum(t, db)
	r := parleyWithInput(t, twoCards, "import", "--dry-run", "--format", "vcf", "-", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "Would add (1)") || !strings.Contains(r.stdout, "Would skip (1)") {
		t.Fatalf("dry run: %+v", r)
	}
	if sum(t, db) != before {
		t.Error("--dry-run changed the notebook")
	}
	if r := parleyWithInput(t, twoCards, "import", "-", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "Added (1)") {
		t.Fatalf("import: %+v", r)
	}
	mid := sum(t, db)
	if r := parleyWithInput(t, twoCards, "import", "-", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "Nothing to change") {
		t.Fatalf("second import: %+v", r)
	}
	if sum(t, db) != mid {
		t.Error("the second import changed the notebook")
	}
	out := parley(t, "export", "--format", "csv", "--db", db).stdout
	if strings.Count(out, "Ana Ruiz") != 1 || !strings.Contains(out, "vCard import") {
		t.Errorf("contacts: %s", out)
	}
}

func TestImportOfBadFileListsProblemsAndWritesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	parley(t, "add", "Ana", "--db", db)
	before := sum(t, db)
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\"format\": \"parley-notebook\", \"version\": 2,\n\"contacts\": [{\"id\": 1}, {\"id\": 1, \"name\": \"B\"}]}"), 0o600)
	r := parley(t, "import", bad, "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "line 2, contacts[0]: A contact needs a name") ||
		!strings.Contains(r.stderr, "contacts[1].id: 1 is used twice") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Errorf("%+v", r)
	}
	cards := filepath.Join(t.TempDir(), "x.vcf")
	os.WriteFile(cards, []byte("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nEMAIL:a@b.org\nEND:VCARD\n"), 0o600)
	failsPlainly(t, parley(t, "import", cards, "--db", db), "the card at line 4: it has no name")
	if sum(t, db) != before {
		t.Error("a refused import changed the notebook")
	}
}

func TestImportRefusesALockedNotebook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	failsPlainly(t, parleyWithInput(t, twoCards, "import", "-", "--db", db), "open in another Parley")
}

func TestRestoreThroughTheCommandLineIsExact(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.db")
	if r := parley(t, "demo", "--contacts", "60", "--db", demo); r.code != 0 {
		t.Fatal(r)
	}
	first := parley(t, "export", "--db", demo)
	restored := filepath.Join(dir, "restored.db")
	if r := parleyWithInput(t, first.stdout, "import", "--format", "json", "-", "--db", restored); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if second := parley(t, "export", "--db", restored); second.stdout != first.stdout {
		t.Error("export → import → export differs")
	}
}

func TestExportToAFileIsPrivateAndNeverTheNotebook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	parley(t, "add", "Ana", "--db", db)
	out := filepath.Join(dir, "out.json")
	if r := parley(t, "export", "-o", out, "--db", db); r.code != 0 || r.stdout != "" {
		t.Fatalf("%+v", r)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("%v, %v", info, err)
	}
	data, _ := os.ReadFile(out)
	if string(data) != parley(t, "export", "--db", db).stdout {
		t.Error("-o wrote something else than stdout gets")
	}
	before := sum(t, db)
	failsPlainly(t, parley(t, "export", "-o", db, "--db", db), "the notebook itself")
	if sum(t, db) != before {
		t.Error("export -o the notebook changed it")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	r := parley(t, "export", "--format", "pdf", "--db", db)
	if r.code != 2 {
		t.Errorf("unknown format: %+v", r)
	}
}

func TestPeopleFormatsCarryNoTerminalEscapes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	for _, p := range safetext.Payloads() {
		parley(t, "add", "Ana "+p, "--org", p, "--note", p, "--tag", "x", "--db", db)
	}
	for _, format := range []string{"md", "csv", "vcf", "ics"} {
		r := parley(t, "export", "--format", format, "--db", db)
		if r.code != 0 {
			t.Fatalf("%s: %+v", format, r)
		}
		out := strings.ReplaceAll(r.stdout, "\r\n", "\n")
		if bad := safetext.Unsafe(out); bad != "" {
			t.Errorf("%s export has %s", format, bad)
		}
	}
}

func TestCheckAndBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	parley(t, "add", "Ana", "--db", db)
	if r := parley(t, "check", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "is sound") {
		t.Errorf("check: %+v", r)
	}
	copy := filepath.Join(dir, "copy.db")
	if r := parley(t, "backup", copy, "--db", db); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	if r := parley(t, "export", "--db", copy); !strings.Contains(r.stdout, `"Ana"`) {
		t.Errorf("the copy: %+v", r)
	}
	failsPlainly(t, parley(t, "backup", db, "--db", db), "the notebook itself")
	failsPlainly(t, parley(t, "check", "--db", filepath.Join(dir, "none.db")), "no notebook at")
}
