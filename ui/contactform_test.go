package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func TestFormFlagsFieldsAndConfirmsEsc(t *testing.T) {
	var s screen = newContactForm(fixtureCommon(t), model.Contact{}).setSize(80, 24)
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if !strings.Contains(s.view(), "A contact needs a name.") {
		t.Error("saving without a name is not flagged at the field")
	}
	s = typeText(s, "Ana")
	for range 5 { // to Email
		s, _ = s.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	s = typeText(s, "ana-at-example")
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyTab})
	if !strings.Contains(s.view(), "doesn't look like an email") {
		t.Error("a bad email is not flagged once the user leaves the field")
	}
	_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if cmd == nil {
		t.Fatal("esc on a changed form does nothing")
	}
	if _, ok := cmd().(pushMsg); !ok {
		t.Error("esc on a changed form should ask first")
	}
}

// The form kit's pick field names another contact by typing part of the
// name, and the saved contact is referred by them.
func TestContactFormPicksTheReferrer(t *testing.T) {
	c, s, _ := newTestCommon(t)
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 40)
	d.failOnError = true
	d.send(pushMsg{newContactForm(c, model.Contact{})})
	d.typeText("Bo Chen")
	for d.app.top().(contactForm).form.fields[d.app.top().(contactForm).form.focus].label != "Referred by" {
		d.send(keyMsg("tab"))
	}
	d.typeText("ana")
	if v := d.view(); !strings.Contains(v, "→ Ana Ruiz") {
		t.Errorf("the pick does not name Ana:\n%s", v)
	}
	d.send(keyMsg("ctrl+s"))
	cs, _ := s.Contacts()
	for _, c := range cs {
		if c.Name == "Bo Chen" && c.ReferredBy != ana.ID {
			t.Errorf("Bo referred by %d, want %d", c.ReferredBy, ana.ID)
		}
	}
	if len(cs) != 2 {
		t.Errorf("contacts = %+v", cs)
	}
}
