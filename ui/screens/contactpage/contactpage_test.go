package contactpage

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

func TestReferralTree(t *testing.T) {
	nb := uitest.FixtureNotebook()
	nb.Contacts = append(nb.Contacts, model.Contact{ID: 11, Name: "Kofi Brown", ReferredBy: 4})
	p := NewContactPage(uitest.FixtureCommon(t), nb.Contacts[0])
	p.setLoaded(ContactPageLoadedMsg{contact: nb.Contacts[0], contacts: nb.Contacts})
	tree := p.referralTree()
	if len(tree) != 3 || tree[0].id != 1 || tree[1].id != 4 || tree[1].depth != 1 || tree[2].id != 11 || tree[2].depth != 2 {
		t.Fatalf("tree from Ana = %+v", tree)
	}
	if it, ok := p.current(); !ok || it.contactID != 4 {
		t.Errorf("the cursor should start on Dana, whom Ana referred: %+v", it)
	}
	p = p.SetSize(80, 24).(ContactPage)
	if !strings.Contains(p.View(), "└ Dana Smith") {
		t.Errorf("tree not drawn:\n%s", p.View())
	}
}

// pageWithTimeline is a contact with a referrer and a long timeline, on
// its page in an app of w x h.
func pageWithTimeline(t *testing.T, w, h int) (*uitest.Driver, model.Contact, model.Contact) {
	d, _, a, b := pageWithTimelineAndStore(t, w, h)
	return d, a, b
}

func pageWithTimelineAndStore(t *testing.T, w, h int) (*uitest.Driver, *store.Store, model.Contact, model.Contact) {
	t.Helper()
	c, s, _ := uitest.NewTestCommon(t)
	bo, err := s.PutContact(model.Contact{Name: "Bo Lind"})
	if err != nil {
		t.Fatal(err)
	}
	ana, err := s.PutContact(model.Contact{Name: "Ana Ruiz", Role: "Planner", ReferredBy: bo.ID,
		Notes: strings.Repeat("Research line. ", 40)})
	if err != nil {
		t.Fatal(err)
	}
	at := uitest.HarnessNow.Add(-20 * 24 * time.Hour)
	for i := range 12 {
		text := "Note " + strconv.Itoa(i+1)
		if i == 0 {
			text = "Subject: Could we talk?\n\nDear Ana,\n\nI came across your name through your profile online.\n\nWith thanks,\nSam"
		}
		if _, err := s.AddInteraction(model.Interaction{ContactID: ana.ID, Kind: model.KindNote, At: at.Add(time.Duration(i) * time.Hour), Text: text}, false); err != nil {
			t.Fatal(err)
		}
	}
	d := uitest.NewDriver(t, c, w, h)
	d.FailOnError = true
	d.Send(common.OpenContactMsg{Contact: ana})
	return d, s, ana, bo
}

func TestPageScrollsUnderAHeaderAndSaysWhatIsBelow(t *testing.T) {
	d, _, _ := pageWithTimeline(t, 80, 24)
	v := d.View()
	if !strings.Contains(v, "more below") {
		t.Errorf("no sign of more below:\n%s", v)
	}
	for range 30 {
		d.Send(uitest.KeyMsg("down"))
	}
	v = d.View()
	if !strings.HasPrefix(v, "Ana Ruiz") || !strings.Contains(v, "Note 1") || !strings.Contains(v, "lines ") {
		t.Errorf("scrolled to the timeline, the name should stay on top:\n%s", v)
	}
	d.Send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	if v := d.View(); !strings.HasPrefix(v, "Ana Ruiz") {
		t.Errorf("wheel lost the header:\n%s", v)
	}
}

func TestTimelineEntriesOpenToTheirExactText(t *testing.T) {
	d, _, _ := pageWithTimeline(t, 80, 24)
	for range 30 { // the oldest entry is last
		d.Send(uitest.KeyMsg("down"))
	}
	d.Send(uitest.KeyMsg("enter"))
	v := d.View()
	for _, want := range []string{"Subject: Could we talk?", "Dear Ana,", "I came across your name through your profile online.", "With thanks,"} {
		if !strings.Contains(v, want) {
			t.Errorf("entry lacks %q:\n%s", want, v)
		}
	}
	d.Send(uitest.KeyMsg("esc"))
	if v := d.View(); strings.Contains(v, "With thanks,") || !strings.Contains(v, "Timeline") {
		t.Errorf("esc did not close the entry:\n%s", v)
	}
}

func TestDeleteFromThePageCanBeUndoneAndKeepsTheReferrersName(t *testing.T) {
	d, s, ana, bo := pageWithTimelineAndStore(t, 80, 24)
	d.Send(common.OpenContactMsg{Contact: bo})
	d.Send(uitest.KeyMsg("d"))
	if v := d.View(); !strings.Contains(v, "Delete Bo Lind?") || !strings.Contains(v, "Bo Lind") {
		t.Fatalf("no confirmation:\n%s", v)
	}
	d.Send(uitest.KeyMsg("y"))
	if v := d.View(); !strings.Contains(v, "u undoes") {
		t.Errorf("no undo offered:\n%s", v)
	}
	d.Send(uitest.KeyMsg("u"))
	d.Send(uitest.KeyMsg("esc"))
	if _, err := s.Contact(bo.ID); err != nil {
		t.Fatalf("undone delete went through: %v", err)
	}
	d.Send(common.OpenContactMsg{Contact: bo})
	d.Send(uitest.KeyMsg("d"))
	d.Send(uitest.KeyMsg("y"))
	d.Send(uitest.KeyMsg("esc"))
	if _, err := s.Contact(bo.ID); err == nil {
		t.Fatal("leaving the page did not delete")
	}
	got, err := s.Contact(ana.ID)
	if err != nil || got.ReferredBy != 0 || got.ReferrerName != "Bo Lind" {
		t.Fatalf("Ana after Bo went: %+v, %v", got, err)
	}
	if v := d.View(); !strings.Contains(v, "Bo Lind (no longer in your notebook)") {
		t.Errorf("Ana's page lost who referred her:\n%s", v)
	}
}
