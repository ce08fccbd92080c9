package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/model"
	"parley/store"
	"parley/ui/common"
	"parley/ui/uitest"
)

const twoCards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nORG:City Council\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Li\r\nEMAIL:bo@example.org\r\nEND:VCARD\r\n"

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// openImporter starts the app, opens the contact list and presses I.
func openImporter(t *testing.T) (*uitest.Driver, *store.Store) {
	t.Helper()
	c, s, _ := uitest.NewTestCommon(t)
	// Wide enough for the long paths of temporary folders.
	d := uitest.NewDriver(t, c, 160, 24)
	d.Send(uitest.KeyRunes("c"))
	d.Send(uitest.KeyRunes("I"))
	if _, ok := d.App.Top().(Importer); !ok {
		t.Fatalf("I on the list did not open the import screen:\n%s", d.View())
	}
	return d, s
}

func contactNames(t *testing.T, s *store.Store) []string {
	t.Helper()
	cs, err := s.Contacts()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func mustContain(t *testing.T, v string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

func TestImportShowsThePlanThenWritesOnEnter(t *testing.T) {
	path := writeFile(t, t.TempDir(), "phone.vcf", twoCards)
	d, s := openImporter(t)
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "Import: vCard", "2 to add, 0 to update, 0 to skip.", "Would add (2):", "Ana Ruiz", "Bo Li",
		"Nothing is written until you press enter")
	if names := contactNames(t, s); len(names) != 0 {
		t.Fatalf("the dry run wrote %v", names)
	}
	d.Send(uitest.KeyRunes("y"))
	if _, ok := d.App.Top().(Importer); ok {
		t.Fatalf("the screen stayed after the import:\n%s", d.View())
	}
	mustContain(t, d.View(), "Ana Ruiz", "Bo Li", "Imported phone.vcf: 2 added, 0 updated, 0 skipped.")
	if names := contactNames(t, s); strings.Join(names, ",") != "Ana Ruiz,Bo Li" {
		t.Fatalf("notebook = %v", names)
	}
	// The same file again changes nothing, and says so.
	d.Send(uitest.KeyRunes("I"))
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "Nothing to change", "Would skip", "Nothing was written.")
	d.Send(uitest.KeyType(tea.KeyEnter))
	if n := len(contactNames(t, s)); n != 2 {
		t.Errorf("%d contacts after the second import, want 2", n)
	}
}

func TestEscCancelsAndWritesNothing(t *testing.T) {
	path := writeFile(t, t.TempDir(), "contacts", twoCards) // no extension: sniffed
	d, s := openImporter(t)
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "Import: vCard", "2 to add")
	d.Send(uitest.KeyType(tea.KeyEsc))
	mustContain(t, d.View(), "File", path, "Nothing was imported.")
	d.Send(uitest.KeyType(tea.KeyEsc))
	if _, ok := d.App.Top().(Importer); ok {
		t.Fatal("esc on the path did not close the screen")
	}
	if names := contactNames(t, s); len(names) != 0 {
		t.Errorf("cancelled, yet wrote %v", names)
	}
}

func TestProblemsAreListedWithTheirPlaceAndNothingIsWritten(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "backup.json", `{
  "format": "parley-notebook",
  "version": 2,
  "contacts": [
    {"id": 1, "name": "Ana", "email": "not an email"},
    {"id": 1, "name": "Bo"}
  ]
}`)
	d, s := openImporter(t)
	d.TypeText(bad)
	d.Send(uitest.KeyType(tea.KeyEnter))
	v := d.View()
	mustContain(t, v, "The file has 2 problems; nothing can be imported from it.", "Problems (2):",
		"line 5, contacts[0]: That doesn't look like an email", "line 6, contacts[1].id: 1 is used twice", "Nothing was written.")
	d.Send(uitest.KeyType(tea.KeyEnter)) // back to the path
	if !d.App.Top().Capturing() {
		t.Fatal("enter on the problems did not go back to the path")
	}
	// A path that names nothing, and a folder, are said in plain words.
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText(filepath.Join(dir, "missing.vcf"))
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "There is no file at that path.")
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText(dir)
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "is not a file")
	if names := contactNames(t, s); len(names) != 0 {
		t.Errorf("wrote %v from bad files", names)
	}
}

func TestTildeIsTheHomeFolderAndTabCompletes(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	writeFile(t, home, "alpha.vcf", twoCards)
	writeFile(t, home, "alps.csv", "First Name,Last Name\nAna,Ruiz\n")
	if err := os.Mkdir(filepath.Join(home, "beta"), 0o700); err != nil {
		t.Fatal(err)
	}
	d, _ := openImporter(t)
	d.TypeText("~/al")
	d.Send(uitest.KeyType(tea.KeyTab))
	imp := d.App.Top().(Importer)
	if got := imp.path.Value(); got != "~/alp" {
		t.Errorf("tab on ~/al gave %q, want ~/alp", got)
	}
	mustContain(t, d.View(), "alpha.vcf", "alps.csv")
	d.TypeText("h")
	d.Send(uitest.KeyType(tea.KeyTab))
	if got := d.App.Top().(Importer).path.Value(); got != "~/alpha.vcf" {
		t.Errorf("tab on ~/alph gave %q", got)
	}
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "From ~/alpha.vcf", "2 to add")
	d.Send(uitest.KeyType(tea.KeyEsc))
	d.Send(uitest.KeyType(tea.KeyCtrlU))
	d.TypeText("~/b")
	d.Send(uitest.KeyType(tea.KeyTab))
	if got := d.App.Top().(Importer).path.Value(); got != "~/beta/" {
		t.Errorf("a folder completes as %q, want ~/beta/", got)
	}
}

func TestChosenFormatOverridesTheName(t *testing.T) {
	path := writeFile(t, t.TempDir(), "export.txt", "First Name,Last Name,Company,Position\nAna,Ruiz,City Council,Planner\n")
	d, s := openImporter(t)
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyDown))
	for range 3 { // from the file → json → vcf → csv
		d.Send(uitest.KeyType(tea.KeyRight))
	}
	mustContain(t, d.View(), "‹ CSV from LinkedIn")
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "Import: CSV from", "1 to add")
	d.Send(uitest.KeyType(tea.KeyEnter))
	if names := contactNames(t, s); strings.Join(names, ",") != "Ana Ruiz" {
		t.Errorf("notebook = %v", names)
	}
}

// A contact arrives from the command line between the plan and the enter:
// the plan is made again and shown, and nothing is written until the user
// has seen it.
func TestAPlanTheNotebookMovedPastIsShownAgain(t *testing.T) {
	path := writeFile(t, t.TempDir(), "phone.vcf", twoCards)
	d, s := openImporter(t)
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "2 to add")
	if _, err := s.PutContact(model.Contact{Name: "Bo Li", Email: "bo@example.org", Stage: model.ToContact}); err != nil {
		t.Fatal(err)
	}
	d.Send(uitest.KeyType(tea.KeyEnter))
	mustContain(t, d.View(), "The notebook changed while you were looking", "1 to add, 0 to update, 1 to skip.")
	if n := len(contactNames(t, s)); n != 1 {
		t.Fatalf("%d contacts after the refused write, want 1", n)
	}
	d.Send(uitest.KeyType(tea.KeyEnter))
	if names := contactNames(t, s); strings.Join(names, ",") != "Bo Li,Ana Ruiz" {
		t.Errorf("notebook = %v", names)
	}
}

// Names from a file are drawn safe: an escape sequence in a card shows as
// a picture, never reaches the terminal.
func TestNamesFromTheFileAreDrawnSafe(t *testing.T) {
	path := writeFile(t, t.TempDir(), "evil.csv", "First Name,Last Name,Company,Position\nAna\x1b]52;c;aGk=\x07,Ruiz,X,Y\n")
	d, _ := openImporter(t)
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyEnter))
	if v := d.View(); strings.Contains(v, "\x1b]52") {
		t.Errorf("an escape sequence reached the screen:\n%q", v)
	}
}

// The path field and the dry run at 80 columns, as a user sees them:
// plain, and in a fixed 256-colour profile so the theme is under test.
func TestImporterGolden(t *testing.T) {
	for _, colour := range []bool{false, true} {
		prefix := ""
		if colour {
			prefix = "colour_"
			lipgloss.SetColorProfile(termenv.ANSI256)
		}
		home := t.TempDir()
		t.Setenv("HOME", home)
		writeFile(t, home, "phone.vcf", twoCards)
		c, s, _ := uitest.NewTestCommon(t)
		if colour {
			styles := common.NewStyles(false)
			c.Styles = &styles
		}
		if _, err := s.PutContact(model.Contact{Name: "Bo Li", Email: "bo@example.org", Stage: model.ToContact}); err != nil {
			t.Fatal(err)
		}
		d := uitest.NewDriver(t, c, 80, 16)
		d.Send(uitest.KeyRunes("c"))
		d.Send(uitest.KeyRunes("I"))
		d.TypeText("~/phone.vcf")
		uitest.Golden(t, prefix+"path-80", d.View())
		d.Send(uitest.KeyType(tea.KeyEnter))
		uitest.Golden(t, prefix+"plan-80", d.View())
		lipgloss.SetColorProfile(termenv.Ascii)
	}
}

// A write that fails is said in the status line, and the plan stays on
// screen to try again; nothing was written.
func TestAFailedWriteIsShownAndWritesNothing(t *testing.T) {
	path := writeFile(t, t.TempDir(), "phone.vcf", twoCards)
	d, s := openImporter(t)
	d.TypeText(path)
	d.Send(uitest.KeyType(tea.KeyEnter))
	s.Close()
	d.Send(uitest.KeyType(tea.KeyEnter))
	if _, ok := d.App.Top().(Importer); !ok {
		t.Fatal("the screen closed after a failed write")
	}
	mustContain(t, d.View(), "! Could not save or read the notebook", "2 to add")
}
