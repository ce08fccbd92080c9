package ui

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"parley/ui/uitest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// hostileNotebook fills a notebook with one payload in every piece of
// user text a screen can show: the contact and a referrer, research notes,
// an interview's questions, notes, takeaways and referrals, the timeline,
// a template of the user's own, the profile and an own bank question.
func hostileNotebook(t *testing.T, s *store.Store, p string) (model.Contact, model.Interview) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	now := uitest.HarnessNow
	referrer, err := s.PutContact(model.Contact{Name: p + " referrer", Stage: model.Interviewed, Created: now})
	must(err)
	c, err := s.PutContact(model.Contact{Name: p, Role: p, Organisation: p, Field: p, Email: "eve@example.org",
		Location: p, FoundVia: p, ReferredBy: referrer.ID, Tags: []string{p, "ok"},
		Notes: p + "\n" + p, Stage: model.Scheduled, Created: now, Updated: now})
	must(err)
	_, err = s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindNote, At: now.Add(-time.Hour),
		Channel: p, Text: p + "\n" + p}, false)
	must(err)
	iv := model.NewInterview(c.ID, []string{p, "What does a week look like? " + p}, now)
	iv.Questions[1].BankID, iv.Questions[1].Asked, iv.Questions[1].Starred = "work-01", true, true
	iv.Notes = []model.Note{{Text: p}, {At: time.Minute, QuestionID: iv.Questions[1].ID, Starred: true,
		Text: "said " + p + "\nand " + p}}
	iv.WrapUp = model.WrapUp{Takeaways: p, Referrals: []model.Referral{{Name: p, Note: p}}}
	iv, err = s.ScheduleInterview(iv, model.Schedule{At: now.Add(2 * time.Hour), Mode: model.ModeInPerson,
		Place: p, Length: 20 * time.Minute})
	must(err)
	_, err = s.PutTemplate(model.TemplateDoc{Name: p, Subject: p, Body: "Dear {{contact.first_name}},\n" + p})
	must(err)
	_, err = s.PutProfile(model.Profile{Name: p, Intro: p, Exploring: p, Contact: p})
	must(err)
	must(s.PutQuestionBank(questions.UserState{LastOwnID: 1, Own: []questions.Question{{ID: "u-1",
		Text: "Own: " + p, Theme: questions.Themes()[0], Kind: questions.Practical, Tags: []string{"mine"}}},
		Sets: []questions.Plan{{Name: p}}}))
	return c, iv
}

// TestHostileTextNeverReachesTheTerminal draws every screen that shows a
// contact or other user text with each payload in it, colour off: no
// control, bidi or hidden character reaches the screen, and no line is
// wider than it.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	type step struct {
		name string
		do   func(d *uitest.Driver, c model.Contact, iv model.Interview)
	}
	open := func(msg tea.Msg) func(*uitest.Driver, model.Contact, model.Interview) {
		return func(d *uitest.Driver, _ model.Contact, _ model.Interview) { d.Send(msg) }
	}
	paste := func(p string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(p), Paste: true} }
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for i, p := range safetext.Payloads() {
			t.Run(fmt.Sprintf("%dx%d/payload%d", size[0], size[1], i), func(t *testing.T) {
				cm, s, _ := uitest.NewTestCommonAt(t, uitest.HarnessNow)
				c, iv := hostileNotebook(t, s, p)
				d := uitest.NewDriver(t, cm, size[0], size[1])
				steps := []step{
					{"what's next", func(*uitest.Driver, model.Contact, model.Interview) {}},
					{"list", open(common.OpenContactsMsg{})},
					{"contact page", open(common.OpenContactMsg{Contact: c})},
					{"contact form", open(common.EditContactMsg{Contact: c})},
					{"contact form, pasted", func(d *uitest.Driver, _ model.Contact, _ model.Interview) {
						d.Send(common.EditContactMsg{})
						d.Send(paste(p))
						d.TypeText(p)
					}},
					{"plan", open(common.OpenPlanMsg{Contact: c, Interview: &iv})},
					{"plan, one-off question typed", func(d *uitest.Driver, c model.Contact, iv model.Interview) {
						d.Send(common.OpenPlanMsg{Contact: c, Interview: &iv})
						d.Send(uitest.KeyRunes("o"))
						d.Send(paste(p))
					}},
					{"live interview", open(common.OpenInterviewMsg{Contact: c, Interview: iv})},
					{"live notes pasted", func(d *uitest.Driver, c model.Contact, iv model.Interview) {
						d.Send(common.OpenInterviewMsg{Contact: c, Interview: iv}) // notes have focus
						d.Send(paste(p))
						d.TypeText(p)
					}},
					{"wrap-up", func(d *uitest.Driver, c model.Contact, iv model.Interview) {
						d.Send(common.OpenInterviewMsg{Contact: c, Interview: iv})
						d.Send(uitest.KeyType(tea.KeyCtrlT))
						d.Send(uitest.KeyType(tea.KeyCtrlE))
						d.Send(uitest.KeyRunes("y"))
						d.Send(paste(p))
					}},
					{"compose", open(common.OpenComposeMsg{Contact: c})},
					{"templates", open(common.OpenTemplatesMsg{})},
					{"templates, own one shown", func(d *uitest.Driver, _ model.Contact, _ model.Interview) {
						d.Send(common.OpenTemplatesMsg{})
						for range 6 {
							d.Send(uitest.KeyType(tea.KeyDown))
						}
					}},
					{"compose, a draft", func(d *uitest.Driver, c model.Contact, _ model.Interview) {
						d.Send(common.OpenComposeMsg{Contact: c})
						for range 6 {
							d.Send(uitest.KeyType(tea.KeyDown))
						}
						d.Send(uitest.KeyType(tea.KeyEnter))
					}},
					{"compose, editing a draft", func(d *uitest.Driver, c model.Contact, _ model.Interview) {
						d.Send(common.OpenComposeMsg{Contact: c})
						for range 6 {
							d.Send(uitest.KeyType(tea.KeyDown))
						}
						d.Send(uitest.KeyType(tea.KeyEnter))
						d.Send(uitest.KeyRunes("e"))
						d.Send(paste(p))
					}},
					{"template form", open(common.OpenTemplateFormMsg{Doc: model.TemplateDoc{Name: p, Subject: p, Body: p}})},
					{"bank, own question", func(d *uitest.Driver, _ model.Contact, _ model.Interview) {
						d.Send(common.OpenBankMsg{})
						d.Send(uitest.KeyRunes("G"))
					}},
					{"log form", func(d *uitest.Driver, c model.Contact, _ model.Interview) {
						d.Send(common.OpenLogMsg{Contact: c, Kind: model.KindNote})
						d.Send(paste(p))
					}},
					{"schedule form", open(common.OpenScheduleMsg{Contact: c, Interview: iv})},
					{"settings", open(common.OpenSettingsMsg{})},
					{"search", func(d *uitest.Driver, _ model.Contact, _ model.Interview) {
						d.Send(common.OpenSearchMsg{})
						d.TypeText("said")
					}},
					{"answers side by side, takeaways", func(d *uitest.Driver, _ model.Contact, _ model.Interview) {
						d.Send(common.OpenAnswersMsg{})
						d.Send(uitest.KeyType(tea.KeyTab))
					}},
					{"progress", open(common.OpenStatsMsg{})},
					{"profile", func(d *uitest.Driver, _ model.Contact, _ model.Interview) {
						p, _ := s.Profile()
						d.Send(common.OpenProfileMsg{Profile: p})
					}},
				}
				for _, st := range steps {
					for len(d.App.Stack) > 1 {
						d.Send(common.PopMsg{})
					}
					st.do(d, c, iv)
					checkDrawnSafely(t, st.name, d.View(), size[0], size[1])
				}
			})
		}
	}
}

func checkDrawnSafely(t *testing.T, screen, view string, w, h int) {
	t.Helper()
	if bad := safetext.Unsafe(view); bad != "" {
		t.Errorf("%s: %s in\n%q", screen, bad, view)
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines on a screen of %d", screen, len(lines), h)
	}
	for _, l := range lines {
		if cw := common.CellWidth(l); cw > w {
			t.Errorf("%s: a line of %d cells on a screen of %d: %q", screen, cw, w, l)
		}
	}
}
