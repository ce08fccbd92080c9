package contactform

import (
	"parley/ui/common"
	"parley/ui/screens/contactpage"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func TestFormFlagsFieldsAndConfirmsEsc(t *testing.T) {
	var s common.Screen = NewContactForm(uitest.FixtureCommon(t), model.Contact{}).SetSize(80, 24)
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if !strings.Contains(s.View(), "A contact needs a name.") {
		t.Error("saving without a name is not flagged at the field")
	}
	s = uitest.TypeText(s, "Ana")
	for range 5 { // to Email
		s, _ = s.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	s = uitest.TypeText(s, "ana-at-example")
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyTab})
	if !strings.Contains(s.View(), "doesn't look like an email") {
		t.Error("a bad email is not flagged once the user leaves the field")
	}
	_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if cmd == nil {
		t.Fatal("esc on a changed form does nothing")
	}
	if _, ok := cmd().(common.PushMsg); !ok {
		t.Error("esc on a changed form should ask first")
	}
}

// The form kit's pick field names another contact by typing part of the
// name, and the saved contact is referred by them.
func TestContactFormPicksTheReferrer(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 40)
	d.FailOnError = true
	d.Send(common.PushMsg{S: NewContactForm(c, model.Contact{})})
	d.TypeText("Bo Chen")
	for d.App.Top().(contactForm).form.Fields[d.App.Top().(contactForm).form.Focus].Label != "Referred by" {
		d.Send(uitest.KeyMsg("tab"))
	}
	d.TypeText("ana")
	if v := d.View(); !strings.Contains(v, "→ Ana Ruiz") {
		t.Errorf("the pick does not name Ana:\n%s", v)
	}
	d.Send(uitest.KeyMsg("ctrl+s"))
	cs, _ := s.Contacts()
	for _, c := range cs {
		if c.Name == "Bo Chen" && (c.ReferredBy != ana.ID || c.FoundVia != model.FoundReferral) {
			t.Errorf("Bo referred by %d via %q, want %d via referral", c.ReferredBy, c.FoundVia, ana.ID)
		}
	}
	if len(cs) != 2 {
		t.Errorf("contacts = %+v", cs)
	}
}

// Name, organisation, email and tags never mean a control, bidi or hidden
// character: the form stores them without, as `parley add` does.
func TestContactFormCleansOneLineFieldsOnSave(t *testing.T) {
	c, s, _ := uitest.NewTestCommonAt(t, uitest.TestNow)
	var f common.Screen = NewContactForm(c, model.Contact{}).SetSize(80, 24)
	f = uitest.TypeText(f, "Ana\u202e  Ruiz\u200b ")
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab}) // role
	f = uitest.TypeText(f, "Analyst")
	f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab}) // organisation
	f = uitest.TypeText(f, "\u2066Acme\u2069")
	for range 3 { // to Email
		f, _ = f.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	f = uitest.TypeText(f, "ana@example.org\ufeff")
	uitest.Submit(t, f)
	cs, err := s.Contacts()
	if err != nil || len(cs) != 1 {
		t.Fatalf("contacts = %v, %v", cs, err)
	}
	got := cs[0]
	if got.Name != "Ana Ruiz" || got.Organisation != "Acme" || got.Email != "ana@example.org" || got.Role != "Analyst" {
		t.Errorf("saved %q, %q, %q, %q", got.Name, got.Organisation, got.Email, got.Role)
	}
}

// Opening a contact whose stored fields hold escapes or hidden characters
// and leaving is not a change: nothing is written on ctrl+c.
func TestHostileStoredContactIsNotRewrittenByOpeningTheForm(t *testing.T) {
	c, s, _ := uitest.NewTestCommonAt(t, uitest.TestNow)
	saved, err := s.PutContact(model.Contact{Name: "Eve\x1b]0;owned\a", Organisation: "Ev\u202eil", Stage: model.ToContact})
	if err != nil {
		t.Fatal(err)
	}
	f := NewContactForm(c, saved)
	if f.Unsaved() {
		t.Error("a form just opened says it holds changes")
	}
	if err := f.Flush(s); err != nil {
		t.Fatal(err)
	}
	got, err := s.Contact(saved.ID)
	if err != nil || got.Name != saved.Name || got.Organisation != saved.Organisation {
		t.Errorf("stored contact became %q, %q (%v)", got.Name, got.Organisation, err)
	}
}

func focusField(t *testing.T, d *uitest.Driver, label string) {
	t.Helper()
	for range 30 {
		f := d.App.Top().(contactForm)
		if f.form.Fields[f.form.Focus].Label == label {
			return
		}
		d.Send(uitest.KeyMsg("tab"))
	}
	t.Fatalf("no field %q", label)
}

func TestSavingANewContactOpensItsPage(t *testing.T) {
	c, _, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(common.PushMsg{S: NewContactForm(c, model.Contact{})})
	d.TypeText("Maya Chen")
	d.Send(uitest.KeyMsg("ctrl+s"))
	if p, ok := d.App.Top().(contactpage.ContactPage); !ok {
		t.Fatalf("after saving: top is %T", d.App.Top())
	} else if !strings.Contains(p.View(), "Maya Chen") {
		t.Errorf("page is not Maya's:\n%s", p.View())
	}
	// Esc from the page goes back to where the form was opened.
	d.Send(uitest.KeyMsg("esc"))
	if _, ok := d.App.Top().(contactForm); ok {
		t.Error("esc from the new contact's page went back into the form")
	}
}

func TestResearchShowsEveryLineAndChoicesShowTheirOptions(t *testing.T) {
	c, _, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 60)
	notes := "Leads the transit equity team at the regional government since 2019.\n" +
		"Wrote the 2023 bus network redesign report and spoke at the state conference.\n" +
		"Studied civil engineering, then planning; mentors students from the university."
	d.Send(common.PushMsg{S: NewContactForm(c, model.Contact{Name: "Ana", Notes: notes})})
	focusField(t, d, "Research")
	d.Send(uitest.KeyMsg("end"))
	v := d.View()
	for _, w := range []string{"Leads the transit", "Wrote the 2023", "Studied civil", "mentors students"} {
		if !strings.Contains(v, w) {
			t.Errorf("research lacks %q:\n%s", w, v)
		}
	}
	focusField(t, d, "Career stage")
	d.Send(uitest.KeyMsg("right"))
	if v := d.View(); !strings.Contains(v, "none · [early] · mid-career · senior") {
		t.Errorf("career stage options not shown:\n%s", v)
	}
	focusField(t, d, "Found via")
	if v := d.View(); !strings.Contains(v, "referral · someone you know") || !strings.Contains(v, "cold contact") {
		t.Errorf("found-via options not shown:\n%s", v)
	}
}
