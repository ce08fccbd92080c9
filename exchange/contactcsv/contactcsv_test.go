package contactcsv

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"parley/model"
)

var now = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

func read(t *testing.T, name string) []model.Contact {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Read(bytes.NewReader(data), now)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestReadsLinkedInAfterItsNotes(t *testing.T) {
	cs := read(t, "linkedin.csv")
	if len(cs) != 2 {
		t.Fatalf("%d contacts: %+v", len(cs), cs)
	}
	ana := cs[0]
	if ana.Name != "Ana Ruiz" || ana.Organisation != "City Council, Leeds" || ana.Role != "Policy analyst" ||
		ana.Email != "ana@example.org" || ana.ProfileURL != "https://www.linkedin.com/in/ana-ruiz" ||
		ana.FoundVia != FoundViaLinkedIn || !strings.Contains(ana.Notes, "12 Mar 2024") {
		t.Errorf("ana = %+v", ana)
	}
}

func TestReadsGoogleByHeaderName(t *testing.T) {
	cs := read(t, "google.csv")
	if len(cs) != 2 {
		t.Fatalf("%d contacts: %+v", len(cs), cs)
	}
	ana := cs[0]
	if ana.Name != "Ana Ruiz" || ana.Organisation != "City Council" || ana.Email != "ana@example.org" ||
		ana.Phone != "+44 7700 900123" || ana.ProfileURL != "example.org/ana" || ana.FoundVia != FoundViaGoogle ||
		strings.Join(ana.Tags, ",") != "policy" || ana.Notes != "Met at the fair,\nliked maps\nEmail: ana2@example.org" {
		t.Errorf("ana = %+v", ana)
	}
	// Columns are found by name: the same file with columns swapped reads the same.
	swapped := "Last Name,E-mail 1 - Value,First Name\nRuiz,ana@example.org,Ana\n"
	cs, err := Read(strings.NewReader(swapped), now)
	if err != nil || cs[0].Name != "Ana Ruiz" || cs[0].Email != "ana@example.org" {
		t.Errorf("swapped: %+v, %v", cs, err)
	}
}

func TestBadFilesAreClearErrors(t *testing.T) {
	for in, want := range map[string]string{
		"a,b\n1,2\n": "not a LinkedIn or Google Contacts export",
		"First Name,Last Name,Company,Position\n":                    "no contacts",
		"First Name,Last Name,Company,Position\nAna,Ruiz,\"Acme,x\n": "line 2",
	} {
		_, err := Read(strings.NewReader(in), now)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
}

func TestWriteDefusesFormulas(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, []model.Contact{{Name: "=HYPERLINK(\"x\")", Notes: "a,\nb", Created: now}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `'=HYPERLINK`) || !strings.Contains(buf.String(), "2026-03-02T14:00:00Z") {
		t.Errorf("csv = %s", buf.String())
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"linkedin.csv", "google.csv"} {
		if data, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := Read(bytes.NewReader(data), now)
		if err != nil {
			return
		}
		for _, c := range cs {
			if msg := c.Validate(); msg != "" {
				t.Fatalf("an invalid contact %+v: %s", c, msg)
			}
			if strings.ContainsAny(c.Name+c.Organisation+c.Email, "\n\r\x1b") {
				t.Fatalf("a control in a one-line field: %+v", c)
			}
		}
	})
}
