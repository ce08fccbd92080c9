package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"parley/model"
)

func TestInterviewReadsAsADocument(t *testing.T) {
	at := time.Date(2026, 3, 2, 14, 0, 0, 0, time.FixedZone("CET", 3600))
	iv := model.NewInterview(1, []string{"How did you start?", "What is *hard*?"}, at)
	iv.ID = 4
	iv.Clock = iv.Clock.Start(at).End(at.Add(25 * time.Minute))
	iv.Questions[0].Asked, iv.Questions[0].AskedAt, iv.Questions[0].Starred = true, 90*time.Second, true
	iv.Questions[1].Skipped = true
	iv.Notes = []model.Note{{At: 100 * time.Second, QuestionID: 1, Text: "Teaching first.\nThen policy.", Starred: true},
		{At: 20 * time.Minute, Text: "General note"}}
	iv.WrapUp = model.WrapUp{Length: 25 * time.Minute, Takeaways: "Learn SQL", ThankYouDue: model.DueDate(at, 7),
		Referrals: []model.Referral{{Name: "Bo Li", Note: "data team", MayUseName: true}}}
	var buf bytes.Buffer
	err := Write(&buf, []model.Interview{iv}, map[uint64]model.Contact{1: {ID: 1, Name: "Ana Ruiz", Role: "Analyst", Organisation: "Acme"}})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"# Interview with Ana Ruiz", "**Who:** Ana Ruiz, Analyst, Acme",
		"**When:** Monday 2 March 2026, 14:00 (CET)", "**Length:** 25 min (planned 20 min)",
		"- [x] How did you start? _(at 01:30)_ ★", "    - `01:40` ★ Teaching first.\n      Then policy.",
		`- [-] What is \*hard\*?`, "## Other notes", "- `20:00` General note", "## Takeaways\n\nLearn SQL",
		"- Bo Li: data team _(may mention Ana Ruiz)_", "Thank-you due Monday 9 March 2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}
