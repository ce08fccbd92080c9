package model_test

import (
	"reflect"
	"testing"
	"time"

	"parley/model"
	"parley/questions"
)

// bankGrouping is the grouping the screens will pass: the bank's keys and
// theme labels.
func bankGrouping() model.QuestionGrouping {
	bank := questions.BuiltIns()
	var order []string
	for _, t := range questions.Themes() {
		order = append(order, t.Label())
	}
	return model.QuestionGrouping{
		Key: questions.StatKey,
		Theme: func(key string) string {
			if q, ok := questions.Lookup(bank, key); ok {
				return q.Theme.Label()
			}
			return ""
		},
		Themes: order,
	}
}

var day = func(d int) time.Time { return time.Date(2026, 11, d, 15, 0, 0, 0, time.UTC) }

// heldInterview is an interview ended on day d with the given checklist
// and notes.
func heldInterview(id, contact uint64, d int, qs []model.Question, notes []model.Note) model.Interview {
	return model.Interview{ID: id, ContactID: contact, Questions: qs, Notes: notes,
		Clock: model.Clock{StartedAt: day(d).Add(-20 * time.Minute), EndedAt: day(d)}}
}

func answersFixture() ([]model.Contact, []model.Interview) {
	contacts := []model.Contact{
		{ID: 1, Name: "Ana Ruiz", Role: "Planner", Organisation: "City Council", Field: "Urban planning", Tags: []string{"transport"}},
		{ID: 2, Name: "Ben Okafor", Role: "Engineer", Organisation: "Rail Co", Field: "urban PLANNING"},
		{ID: 3, Name: "Chloé Martin", Role: "Analyst", Organisation: "Data Ltd", Field: "Data science"},
	}
	week := model.Question{ID: 1, BankID: "work-01", Text: "What does a typical week look like for you?", Asked: true}
	oneOff := model.Question{ID: 2, Text: "Do you like trains?", Asked: true}
	path := model.Question{ID: 3, BankID: "path-01", Text: "How did you end up here?", Asked: true}
	interviews := []model.Interview{
		heldInterview(10, 1, 2, []model.Question{week, oneOff, path}, []model.Note{
			{QuestionID: 1, Text: "Meetings Monday, site visits Thursday."},
			{QuestionID: 1, Text: "   "}, // blank: not an answer
			{QuestionID: 2, Text: "Yes, very."},
			{QuestionID: 3, Text: "By accident.", Starred: true},
		}),
		heldInterview(11, 2, 5, []model.Question{week, {ID: 2, Text: "do you like  trains", Asked: true}}, []model.Note{
			{QuestionID: 1, Text: "Mostly on call.", Starred: true},
			{QuestionID: 2, Text: "They pay the bills."},
		}),
		// Asked but nothing written: counts as asked, adds no answer.
		heldInterview(12, 3, 9, []model.Question{{ID: 1, BankID: "work-01", Text: "A typical week?", Asked: true}}, nil),
		// Not asked, no notes: does not count.
		heldInterview(13, 3, 10, []model.Question{path}, nil),
		// A contact that no longer exists.
		heldInterview(14, 99, 10, []model.Question{week}, []model.Note{{QuestionID: 1, Text: "ghost"}}),
	}
	interviews[3].Questions[0].Asked = false
	return contacts, interviews
}

func TestSideBySideGroupsAnswersByThemeStarredFirst(t *testing.T) {
	contacts, interviews := answersFixture()
	got := model.SideBySide(contacts, interviews, model.PeopleFilter{}, bankGrouping())
	ana := model.Speaker{ContactID: 1, Name: "Ana Ruiz", Role: "Planner", Organisation: "City Council"}
	ben := model.Speaker{ContactID: 2, Name: "Ben Okafor", Role: "Engineer", Organisation: "Rail Co"}
	want := []model.AnswerTheme{
		{Theme: "The daily work", Questions: []model.AnsweredQuestion{{
			Key: "work-01", Text: "A typical week?", Interviews: 3, Starred: 1,
			Answers: []model.Answer{
				{Speaker: ben, InterviewID: 11, Paragraph: 0, When: day(5), Text: "Mostly on call.", Starred: true},
				{Speaker: ana, InterviewID: 10, Paragraph: 0, When: day(2), Text: "Meetings Monday, site visits Thursday."},
			},
		}}},
		{Theme: "", Questions: []model.AnsweredQuestion{{
			Key: "text:do you like trains", Text: "do you like  trains", Interviews: 2,
			Answers: []model.Answer{
				{Speaker: ben, InterviewID: 11, Paragraph: 1, When: day(5), Text: "They pay the bills."},
				{Speaker: ana, InterviewID: 10, Paragraph: 2, When: day(2), Text: "Yes, very."},
			},
		}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SideBySide =\n%+v\nwant\n%+v", got, want)
	}
}

func TestSideBySideFiltersPeopleIgnoringCaseAndAccents(t *testing.T) {
	contacts, interviews := answersFixture()
	for _, tc := range []struct {
		name   string
		filter model.PeopleFilter
		keys   []string
	}{
		{"field", model.PeopleFilter{Field: " urban planning "}, []string{"work-01", "text:do you like trains"}},
		{"field with nobody twice", model.PeopleFilter{Field: "data science"}, nil},
		{"organisation", model.PeopleFilter{Organisation: "city council"}, nil},
		{"tag", model.PeopleFilter{Tag: "TRANSPORT"}, nil},
		{"everyone", model.PeopleFilter{}, []string{"work-01", "text:do you like trains"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var keys []string
			for _, th := range model.SideBySide(contacts, interviews, tc.filter, bankGrouping()) {
				for _, q := range th.Questions {
					keys = append(keys, q.Key)
				}
			}
			if !reflect.DeepEqual(keys, tc.keys) {
				t.Errorf("keys = %q, want %q", keys, tc.keys)
			}
		})
	}
}

func TestPeopleFilterMatches(t *testing.T) {
	c := model.Contact{Field: "Urbanisme", Organisation: "Ville de Québec", Tags: []string{"transport", "Français"}}
	for _, tc := range []struct {
		f    model.PeopleFilter
		want bool
	}{
		{model.PeopleFilter{}, true},
		{model.PeopleFilter{Organisation: "ville de quebec"}, true},
		{model.PeopleFilter{Organisation: "ville"}, false}, // whole value, not a prefix
		{model.PeopleFilter{Tag: "francais"}, true},
		{model.PeopleFilter{Tag: "franc"}, false},
		{model.PeopleFilter{Field: "urbanisme", Tag: "transport"}, true},
		{model.PeopleFilter{Field: "urbanisme", Tag: "rail"}, false},
	} {
		if got := tc.f.Matches(c); got != tc.want {
			t.Errorf("%+v.Matches = %v, want %v", tc.f, got, tc.want)
		}
	}
}

func TestTakeawaysNewestFirstWithThePerson(t *testing.T) {
	contacts, interviews := answersFixture()
	interviews[0].WrapUp.Takeaways = "  Learn GIS.\n"
	interviews[1].WrapUp.Takeaways = "Shadow a site visit."
	interviews[2].WrapUp.Takeaways = " \n "
	interviews[4].WrapUp.Takeaways = "from nobody"
	planned := model.Interview{ID: 15, ContactID: 3, Created: day(20), WrapUp: model.WrapUp{Takeaways: "Odd but kept."}}
	got := model.Takeaways(contacts, append(interviews, planned), model.PeopleFilter{})
	var ids []uint64
	for _, tk := range got {
		ids = append(ids, tk.InterviewID)
	}
	if want := []uint64{15, 11, 10}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("takeaway interviews = %v, want %v", ids, want)
	}
	if got[2].Text != "Learn GIS." || got[2].Name != "Ana Ruiz" || !got[2].When.Equal(day(2)) {
		t.Errorf("Ana's takeaway = %+v", got[2])
	}
	if only := model.Takeaways(contacts, interviews, model.PeopleFilter{Organisation: "Rail Co"}); len(only) != 1 || only[0].InterviewID != 11 {
		t.Errorf("Rail Co takeaways = %+v", only)
	}
}

func TestFacetsOfPeopleInterviewed(t *testing.T) {
	contacts, interviews := answersFixture()
	contacts = append(contacts, model.Contact{ID: 4, Field: "Never met"})
	got := model.FacetsOf(contacts, interviews)
	want := model.PeopleFacets{
		Fields:        []string{"Data science", "Urban planning"},
		Organisations: []string{"City Council", "Data Ltd", "Rail Co"},
		Tags:          []string{"transport"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FacetsOf = %+v, want %+v", got, want)
	}
}

func TestInterviewDate(t *testing.T) {
	sched := day(7)
	for _, tc := range []struct {
		name string
		iv   model.Interview
		want time.Time
	}{
		{"held", model.Interview{Clock: model.Clock{StartedAt: day(1), EndedAt: day(2)}, Created: day(1)}, day(2)},
		{"scheduled", model.Interview{Scheduled: &model.Schedule{At: sched}, Created: day(1)}, sched},
		{"under way", model.Interview{Clock: model.Clock{StartedAt: day(3)}, Created: day(1)}, day(3)},
		{"planned", model.Interview{Created: day(1)}, day(1)},
	} {
		if got := model.InterviewDate(tc.iv); !got.Equal(tc.want) {
			t.Errorf("%s: InterviewDate = %v, want %v", tc.name, got, tc.want)
		}
	}
}
