package home

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// notebookWithThanksDue has Grace, interviewed yesterday, and six people
// still to contact, added a day apart.
func notebookWithThanksDue(t *testing.T) (*uitest.Driver, *store.Store) {
	t.Helper()
	c, s, _ := uitest.NewTestCommon(t)
	now := c.Now()
	grace, err := s.PutContact(model.Contact{Name: "Grace Nguyen", Organisation: "Museum of Science", Field: "museum education", Stage: model.Interviewed, Created: now.AddDate(0, 0, -30)})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(grace.ID, []string{"How did you start?"}, now.AddDate(0, 0, -2))
	iv.Clock.StartedAt = now.Add(-26 * time.Hour)
	iv.Clock.EndedAt = now.Add(-25 * time.Hour)
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutProfile(model.Profile{Name: "Sam Lee", Intro: "I study geography.", Exploring: "planning", Contact: "sam@example.org"}); err != nil {
		t.Fatal(err)
	}
	for i, n := range []string{"Fay Long-Surname-Here", "Eve", "Dan", "Cy", "Bo", "Al"} {
		if _, err := s.PutContact(model.Contact{Name: n, Stage: model.ToContact, Created: now.AddDate(0, 0, -10+i)}); err != nil {
			t.Fatal(err)
		}
	}
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	return d, s
}

func TestPeopleToContactAreListedOldestFirstAndEnterDraftsTheRequest(t *testing.T) {
	d, _ := notebookWithThanksDue(t)
	v := d.View()
	if strings.Contains(v, "Nothing is due") || !strings.Contains(v, "To contact, oldest first") {
		t.Fatalf("people to contact missing:\n%s", v)
	}
	if strings.Index(v, "Fay Long") > strings.Index(v, "  Al ") {
		t.Errorf("not oldest first:\n%s", v)
	}
	d.Send(uitest.KeyMsg("down")) // Fay, the first to contact
	d.Send(uitest.KeyMsg("enter"))
	if v := d.View(); !strings.Contains(v, "Message to Fay") {
		t.Errorf("enter on a person to contact:\n%s", v)
	}
	d.Send(uitest.KeyMsg("esc"))
	if v := d.View(); !strings.Contains(v, "What's next") {
		t.Errorf("esc did not come back to What's next:\n%s", v)
	}
}

// The thank-you took seven keys through the log form: enter now opens the
// message with the thank-you filled, c copies it and s marks it sent.
func TestEnterOnAThankYouDueOpensTheThankYouMessage(t *testing.T) {
	d, s := notebookWithThanksDue(t)
	d.Send(uitest.KeyMsg("enter"))
	v := d.View()
	if !strings.Contains(v, "Thank-you note") || !strings.Contains(v, "Dear Grace,") || !strings.Contains(v, "Thank you for talking with me") {
		t.Fatalf("enter on the thank-you due:\n%s", v)
	}
	if strings.Contains(v, "gap to fill") {
		t.Errorf("the thank-you needs editing:\n%s", v)
	}
	d.Send(uitest.KeyMsg("s"))     // mark sent: how?
	d.Send(uitest.KeyMsg("enter")) // by email, as suggested
	cs, _ := s.Contacts()
	for _, c := range cs {
		if c.Name == "Grace Nguyen" && c.Stage != model.Thanked {
			tl, _ := s.Interactions(c.ID)
			t.Errorf("Grace at %q after s; timeline %+v\n%s", c.Stage, tl, d.View())
		}
	}
	for range 3 {
		d.Send(uitest.KeyMsg("esc"))
	}
	if v := d.View(); !strings.Contains(v, "What's next") {
		t.Errorf("esc from the message did not come back to What's next:\n%s", v)
	}
}

func TestFromWhatsNextToARunningClockInThreeKeys(t *testing.T) {
	d, _ := notebookWithThanksDue(t)
	d.Send(uitest.KeyMsg("down"))
	d.Send(uitest.KeyMsg("t"))
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	top, ok := d.App.Top().(common.InterviewOwner)
	if !ok || top.OwnsInterview() == 0 {
		t.Fatalf("t on a person: top is %T\n%s", d.App.Top(), d.View())
	}
	if v := d.View(); !strings.Contains(v, "left") && !strings.Contains(v, "pause") {
		t.Errorf("the clock is not running:\n%s", v)
	}
}

func TestWhatsNextColumnsLineUp(t *testing.T) {
	d, _ := notebookWithThanksDue(t)
	col := -1
	for _, l := range strings.Split(d.View(), "\n") {
		for _, mark := range []string{"added ", "due ", "! overdue"} {
			if i := strings.Index(l, mark); i > 0 {
				w := common.CellWidth(l[:i])
				if col >= 0 && w != col {
					t.Errorf("column at %d, want %d: %q", w, col, l)
				}
				col = w
				break
			}
		}
	}
	if col < 0 {
		t.Fatal("no second column found")
	}
}
