package uitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/model"
	"parley/store"
	"parley/ui/common"
)

// Insights names what InsightNotebook wrote, for tests to find it again.
type Insights struct {
	Ana, Ben, Chloe model.Contact
	// AnaTalk and BenTalk are held interviews; both asked "a typical
	// week" (work-01) and "how did you end up here" (path-01).
	AnaTalk, BenTalk model.Interview
	// AnaRequest is the request sent to Ana, on her timeline.
	AnaRequest model.Interaction
}

// InsightNotebook writes a small notebook for the screens of what was
// learned (answers side by side, search, progress): three people in two
// fields, two interviews held the week before HarnessNow with notes under
// the same bank questions, takeaways, a referral and a timeline.
func InsightNotebook(t testing.TB, s *store.Store) Insights {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	at := func(days int, hour int) time.Time {
		return time.Date(2026, 3, 2-days, hour, 0, 0, 0, time.UTC)
	}
	var in Insights
	put := func(c model.Contact) model.Contact {
		c.Created, c.Updated = at(30, 9), at(30, 9)
		saved, err := s.PutContact(c)
		must(err)
		return saved
	}
	in.Ana = put(model.Contact{Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council",
		Field: "Urban planning", Tags: []string{"policy"}, Stage: model.Thanked,
		Notes: "Wrote the council's cycling strategy; met at the transport meetup."})
	in.Ben = put(model.Contact{Name: "Ben Okafor", Role: "Engineer", Organisation: "Rail Co",
		Field: "Urban planning", Tags: []string{"transport"}, Stage: model.Interviewed})
	in.Chloe = put(model.Contact{Name: "Chloé Martin", Role: "Data analyst", Organisation: "Data Ltd",
		Field: "Data science", Stage: model.RequestSent})

	week := model.Question{ID: 1, BankID: "work-01", Text: "What does a typical week look like for you?", Asked: true}
	path := model.Question{ID: 2, BankID: "path-01", Text: "How did you end up in the work you do today?", Asked: true}
	held := func(c model.Contact, days int, notes []model.Note, takeaways string, refs []model.Referral) model.Interview {
		end := at(days, 15)
		iv := model.Interview{ContactID: c.ID, Budget: 20 * time.Minute, Created: at(days+7, 9),
			Questions: []model.Question{week, path}, Notes: notes,
			Clock:  model.Clock{StartedAt: end.Add(-25 * time.Minute), EndedAt: end, Accumulated: 25 * time.Minute},
			WrapUp: model.WrapUp{Length: 25 * time.Minute, Takeaways: takeaways, Referrals: refs}}
		saved, err := s.PutInterview(iv)
		must(err)
		return saved
	}
	in.AnaTalk = held(in.Ana, 6, []model.Note{
		{QuestionID: 1, Text: "Mondays are meetings; site visits on Thursdays."},
		{QuestionID: 2, Text: "Came from geography, by way of a council internship.", Starred: true},
		{QuestionID: 1, Text: "Fridays for writing reports."},
	}, "Planning is half politics. Learn to write briefs.", []model.Referral{{Name: "Dev Patel"}})
	in.BenTalk = held(in.Ben, 3, []model.Note{
		{QuestionID: 1, Text: "Mostly on site; two days of design reviews.", Starred: true},
		{QuestionID: 2, Text: "Apprenticeship, then a part-time degree."},
	}, "Chartership matters more than the degree.", nil)

	log := func(c model.Contact, kind model.InteractionKind, days int, text string) model.Interaction {
		it, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: kind, At: at(days, 10),
			Channel: "email", Text: text}, false)
		must(err)
		return it
	}
	in.AnaRequest = log(in.Ana, model.KindRequest, 14, "Could I ask you about your work in cycling policy?")
	log(in.Ana, model.KindReply, 12, "Happy to talk next week.")
	log(in.Ana, model.KindInterview, 6, "")
	log(in.Ana, model.KindThankYou, 5, "Thank you for the time and the brief templates.")
	log(in.Ben, model.KindRequest, 10, "Would you talk to me about rail engineering?")
	log(in.Ben, model.KindInterview, 3, "")
	log(in.Chloe, model.KindRequest, 2, "May I ask about data work in planning?")
	must(s.PutSettings(model.Settings{ThankYouDays: 7, NoReplyDays: 7, KeepInTouchDays: 90, WeeklyGoal: 2}))
	return in
}

// GoldenInsights opens a screen on InsightNotebook at 80x24 and 120x40,
// plain and in 256 colours, presses keys, and compares each drawing with
// its golden file: name_WxH, colour_name_WxH.
func GoldenInsights(t *testing.T, name string, open func(*common.Common) common.Screen, keys ...string) {
	t.Helper()
	for _, colour := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			golden := fmt.Sprintf("%s_%dx%d", name, size[0], size[1])
			if colour {
				golden = "colour_" + golden
			}
			t.Run(golden, func(t *testing.T) {
				c, s, _ := NewTestCommonAt(t, HarnessNow)
				if colour {
					lipgloss.SetColorProfile(termenv.ANSI256)
					t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
					st := common.NewStyles(false)
					c.Styles = &st
				}
				InsightNotebook(t, s)
				d := NewDriver(t, c, size[0], size[1])
				d.FailOnError = true
				d.Send(common.PushMsg{S: open(c)})
				for _, k := range keys {
					if text, ok := strings.CutPrefix(k, "type:"); ok {
						d.TypeText(text)
						continue
					}
					d.Send(KeyMsg(k))
				}
				Golden(t, golden, d.View())
			})
		}
	}
}
