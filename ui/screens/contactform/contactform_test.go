package contactform

import (
	"parley/ui/common"
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
		if c.Name == "Bo Chen" && c.ReferredBy != ana.ID {
			t.Errorf("Bo referred by %d, want %d", c.ReferredBy, ana.ID)
		}
	}
	if len(cs) != 2 {
		t.Errorf("contacts = %+v", cs)
	}
}
