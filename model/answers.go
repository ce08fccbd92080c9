package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// QuestionGrouping says which checklist questions are the same question
// across interviews and which theme each belongs to. The bank knows both,
// but it lives in the questions package, which builds on this one; so the
// caller passes its rules in (questions.StatKey for Key, the bank's theme
// labels for Theme).
type QuestionGrouping struct {
	// Key names the question a checklist item asks: its bank ID, or the
	// normalised text of a one-off, so the same one-off typed in several
	// interviews is one question.
	Key func(Question) string
	// Theme is the heading a question's key is listed under, or "" for a
	// question the bank does not know (a one-off).
	Theme func(key string) string
	// Themes orders the headings; headings not listed follow in name
	// order, and one-offs come last.
	Themes []string
}

// PeopleFilter narrows what was learned to some of the people: those in a
// field, at an organisation, with a tag. Each is compared ignoring case,
// accents and surrounding spaces; an empty one matches everyone.
type PeopleFilter struct {
	Field, Organisation, Tag string
}

// Empty reports whether the filter lets everyone through.
func (f PeopleFilter) Empty() bool {
	return strings.TrimSpace(f.Field+f.Organisation+f.Tag) == ""
}

// Matches reports whether c passes the filter.
func (f PeopleFilter) Matches(c Contact) bool {
	if !sameFolded(f.Field, c.Field, true) || !sameFolded(f.Organisation, c.Organisation, true) {
		return false
	}
	if strings.TrimSpace(f.Tag) == "" {
		return true
	}
	for _, t := range c.Tags {
		if sameFolded(f.Tag, t, false) {
			return true
		}
	}
	return false
}

// sameFolded compares want and got ignoring case, accents and surrounding
// spaces; a blank want matches anything when blankMatches.
func sameFolded(want, got string, blankMatches bool) bool {
	want = strings.TrimSpace(want)
	if want == "" {
		return blankMatches
	}
	return fold(want) == fold(strings.TrimSpace(got))
}

// Speaker is who gave an answer or a takeaway, as the answer screens show
// them.
type Speaker struct {
	ContactID    uint64
	Name         string
	Role         string
	Organisation string
}

func speakerOf(c Contact) Speaker {
	return Speaker{ContactID: c.ID, Name: c.Name, Role: c.Role, Organisation: c.Organisation}
}

// Answer is one paragraph of notes written under a question, with what is
// needed to open the interview at that paragraph.
type Answer struct {
	Speaker
	InterviewID uint64
	// Paragraph is the index of the paragraph in the interview's Notes.
	Paragraph int
	// When is when the interview took place (see InterviewDate).
	When    time.Time
	Text    string
	Starred bool
}

// AnsweredQuestion is one question asked in several interviews, with every
// answer noted under it: starred first, then newest first.
type AnsweredQuestion struct {
	Key string
	// Text is the question as it was worded in the latest interview.
	Text string
	// Interviews counts the interviews it was asked in; some may have no
	// notes under it.
	Interviews int
	// Starred counts the interviews where its answer earned a star.
	Starred int
	Answers []Answer
}

// AnswerTheme is a heading of the side-by-side answers with its questions,
// the most asked first.
type AnswerTheme struct {
	// Theme is the heading, "" for one-off questions.
	Theme     string
	Questions []AnsweredQuestion
}

// InterviewDate is when an interview took place, or, for one not yet held,
// when it is scheduled, started or was planned: the date the answer screens
// show and sort by.
func InterviewDate(iv Interview) time.Time {
	if at, ok := iv.HeldAt(); ok {
		return at
	}
	if iv.Scheduled != nil && !iv.Scheduled.At.IsZero() {
		return iv.Scheduled.At
	}
	if !iv.Clock.StartedAt.IsZero() {
		return iv.Clock.StartedAt
	}
	return iv.Created
}

// SideBySide gathers, for every question asked in more than one interview
// of the people the filter lets through, every answer noted under it,
// grouped by theme. A question counts as asked in an interview when it was
// ticked or has a non-blank paragraph under it (notes mean it came up, tick
// or not). Interviews need their checklists and notes; interviews of
// unknown contacts are left out.
func SideBySide(contacts []Contact, interviews []Interview, people PeopleFilter, g QuestionGrouping) []AnswerTheme {
	byID := contactsByID(contacts)
	type gathered struct {
		AnsweredQuestion
		latest time.Time
	}
	found := map[string]*gathered{}
	for _, iv := range interviews {
		c, ok := byID[iv.ContactID]
		if !ok || !people.Matches(c) {
			continue
		}
		when := InterviewDate(iv)
		notesUnder := map[int][]int{}
		for i, n := range iv.Notes {
			if n.QuestionID != 0 && strings.TrimSpace(n.Text) != "" {
				notesUnder[n.QuestionID] = append(notesUnder[n.QuestionID], i)
			}
		}
		seen := map[string]bool{}
		for _, q := range iv.Questions {
			paras := notesUnder[q.ID]
			if !q.Asked && len(paras) == 0 {
				continue
			}
			key := g.Key(q)
			a := found[key]
			if a == nil {
				a = &gathered{AnsweredQuestion: AnsweredQuestion{Key: key}}
				found[key] = a
			}
			if a.Text == "" || when.After(a.latest) {
				a.Text, a.latest = q.Text, when
			}
			starred := q.Starred
			for _, p := range paras {
				n := iv.Notes[p]
				starred = starred || n.Starred
				a.Answers = append(a.Answers, Answer{Speaker: speakerOf(c), InterviewID: iv.ID,
					Paragraph: p, When: when, Text: n.Text, Starred: n.Starred})
			}
			seen[key] = seen[key] || starred
		}
		// Counted per interview, so a question listed twice counts once.
		for key, starred := range seen {
			found[key].Interviews++
			if starred {
				found[key].Starred++
			}
		}
	}
	groups := map[string][]AnsweredQuestion{}
	for _, a := range found {
		if a.Interviews < 2 {
			continue
		}
		slices.SortStableFunc(a.Answers, compareAnswers)
		theme := g.Theme(a.Key)
		groups[theme] = append(groups[theme], a.AnsweredQuestion)
	}
	out := make([]AnswerTheme, 0, len(groups))
	for theme, qs := range groups {
		slices.SortFunc(qs, func(a, b AnsweredQuestion) int {
			return cmp.Or(b.Interviews-a.Interviews, b.Starred-a.Starred, strings.Compare(a.Text, b.Text),
				strings.Compare(a.Key, b.Key))
		})
		out = append(out, AnswerTheme{Theme: theme, Questions: qs})
	}
	slices.SortFunc(out, func(a, b AnswerTheme) int {
		return cmp.Or(cmp.Compare(themeRank(g.Themes, a.Theme), themeRank(g.Themes, b.Theme)),
			strings.Compare(a.Theme, b.Theme))
	})
	return out
}

// compareAnswers puts starred answers first, then the newest, then keeps
// an interview's paragraphs in the order they were written.
func compareAnswers(a, b Answer) int {
	if a.Starred != b.Starred {
		if a.Starred {
			return -1
		}
		return 1
	}
	return cmp.Or(b.When.Compare(a.When), cmp.Compare(b.InterviewID, a.InterviewID),
		cmp.Compare(a.Paragraph, b.Paragraph))
}

// themeRank is a heading's place: listed themes in their order, then the
// others, then one-offs.
func themeRank(order []string, theme string) int {
	if theme == "" {
		return len(order) + 1
	}
	if i := slices.Index(order, theme); i >= 0 {
		return i
	}
	return len(order)
}

func contactsByID(contacts []Contact) map[uint64]Contact {
	byID := make(map[uint64]Contact, len(contacts))
	for _, c := range contacts {
		byID[c.ID] = c
	}
	return byID
}

// Takeaway is what the user wrote down after one interview, with who it
// came from. It opens at the interview's wrap-up.
type Takeaway struct {
	Speaker
	InterviewID uint64
	When        time.Time
	Text        string
}

// Takeaways lists the takeaways of every interview of the people the
// filter lets through, newest first. Interview headers are enough: the
// wrap-up is part of them.
func Takeaways(contacts []Contact, interviews []Interview, people PeopleFilter) []Takeaway {
	byID := contactsByID(contacts)
	var out []Takeaway
	for _, iv := range interviews {
		text := strings.TrimSpace(iv.WrapUp.Takeaways)
		c, ok := byID[iv.ContactID]
		if text == "" || !ok || !people.Matches(c) {
			continue
		}
		out = append(out, Takeaway{Speaker: speakerOf(c), InterviewID: iv.ID, When: InterviewDate(iv), Text: text})
	}
	slices.SortFunc(out, func(a, b Takeaway) int {
		return cmp.Or(b.When.Compare(a.When), cmp.Compare(b.InterviewID, a.InterviewID))
	})
	return out
}

// PeopleFacets are the fields, organisations and tags of the people
// interviewed, for the answer screen's filter choices, each sorted and
// listed once (ignoring case and accents, first spelling kept).
type PeopleFacets struct {
	Fields, Organisations, Tags []string
}

// FacetsOf lists the facets of the contacts that have an interview.
func FacetsOf(contacts []Contact, interviews []Interview) PeopleFacets {
	met := map[uint64]bool{}
	for _, iv := range interviews {
		met[iv.ContactID] = true
	}
	var f PeopleFacets
	seen := [3]map[string]bool{{}, {}, {}}
	add := func(k int, list *[]string, s string) {
		s = strings.TrimSpace(s)
		if key := fold(s); s != "" && !seen[k][key] {
			seen[k][key] = true
			*list = append(*list, s)
		}
	}
	for _, c := range contacts {
		if !met[c.ID] {
			continue
		}
		add(0, &f.Fields, c.Field)
		add(1, &f.Organisations, c.Organisation)
		for _, t := range c.Tags {
			add(2, &f.Tags, t)
		}
	}
	for _, l := range [][]string{f.Fields, f.Organisations, f.Tags} {
		slices.SortFunc(l, func(a, b string) int { return strings.Compare(fold(a), fold(b)) })
	}
	return f
}
