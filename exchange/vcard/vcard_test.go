package vcard

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"parley/model"
)

var now = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

func TestReadsRealWorldCards(t *testing.T) {
	data, err := os.ReadFile("testdata/many.vcf")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Read(bytes.NewReader(data), now)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("%d contacts: %+v", len(cs), cs)
	}
	ana := cs[0]
	want := model.Contact{Name: "Ana Ruiz", Organisation: "City Council, Leeds, Policy", Role: "Policy analyst",
		Email: "ana.pref@example.org", Phone: "+44 7700 900123", ProfileURL: "https://example.org/ana",
		Tags: []string{"policy", "friends"}, FoundVia: FoundVia, Created: now, Updated: now,
		Notes: "Met at the fair, liked maps.\nSecond line folded on.\nEmail: ana@example.org"}
	if ana.Name != want.Name || ana.Organisation != want.Organisation || ana.Role != want.Role || ana.Email != want.Email ||
		ana.Phone != want.Phone || ana.ProfileURL != want.ProfileURL || strings.Join(ana.Tags, ",") != "policy,friends" ||
		ana.Notes != want.Notes || ana.FoundVia != FoundVia {
		t.Errorf("ana =\n%+v\nwant\n%+v", ana, want)
	}
	if cs[1].Name != "Hiro Tanaka" || cs[1].Phone != "090-1234-5678" || cs[1].Notes != "Café owner" {
		t.Errorf("2.1 card = %+v", cs[1])
	}
	if cs[2].Email != "bo@example.org" {
		t.Errorf("PREF=1 email not chosen: %+v", cs[2])
	}
}

func TestBadCardsNameTheirLine(t *testing.T) {
	for in, want := range map[string]string{
		"BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.org\nEND:VCARD\n": "line 1: it has no name",
		"BEGIN:VCARD\nFN:A\nEND:VCARD\nhello\n":                "line 4: text outside a card",
		"\n\nBEGIN:VCARD\nFN:A\n":                              "card at line 3 has no END",
		"":                                                     "no vCards",
	} {
		_, err := Read(strings.NewReader(in), now)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
}

func TestWriteReadsBack(t *testing.T) {
	in := []model.Contact{{ID: 4, Name: "Ana; Ruiz", Organisation: "A, B; C", Role: "Lead", Email: "a@example.org",
		Phone: "+1 555 0100", ProfileURL: "https://example.org/a", Notes: "one\ntwo, three", Tags: []string{"x", "y z"},
		Updated: now}}
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "VERSION:4.0\r\n") {
		t.Errorf("not 4.0: %s", buf.String())
	}
	out, err := Read(&buf, now)
	if err != nil {
		t.Fatal(err)
	}
	got := out[0]
	if got.Name != in[0].Name || got.Organisation != in[0].Organisation || got.Role != "Lead" || got.Email != in[0].Email ||
		got.Phone != in[0].Phone || got.ProfileURL != in[0].ProfileURL || got.Notes != in[0].Notes ||
		strings.Join(got.Tags, "|") != "x|y z" {
		t.Errorf("round trip =\n%+v\nwant\n%+v", got, in[0])
	}
}

func FuzzRead(f *testing.F) {
	if data, err := os.ReadFile("testdata/many.vcf"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCARD\nFN:A\\,B\nitem1.EMAIL:a@b.org\nEND:VCARD\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := Read(bytes.NewReader(data), now)
		if err != nil {
			return
		}
		for _, c := range cs {
			if strings.TrimSpace(c.Name) == "" {
				t.Fatalf("a contact without a name: %+v", c)
			}
			if strings.ContainsAny(c.Name+c.Organisation+c.Email, "\n\r\x1b") {
				t.Fatalf("a control in a one-line field: %+v", c)
			}
		}
	})
}
