package common

import (
	"cmp"
	"slices"
	"sort"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// Notebook is everything the first screen and the list compute from:
// every contact with its activity facts (store.Summaries), the due-date
// rules, and the agenda computed from them once per read, in the command
// that reads. It is
// shared read-only by the screens that get it, so none of them does work
// over every record in Update. A screen that shows an interview reads the
// whole record itself.
type Notebook struct {
	// Contacts are in ID order.
	Contacts []model.Contact
	// Facts are each contact's activity, by position in Contacts.
	Facts    []model.ActivityFacts
	Settings model.Settings
	// Agenda is "What's next" at Now, and Rhythm the weeks' conversations
	// against the goal.
	Agenda model.Agenda
	Rhythm model.Progress
	Now    time.Time
	// List is the contact list as it opens, built after the read (see
	// ContactListData); nil until then.
	List *ContactListData
}

// NewNotebook computes the agenda at now; facts are by position in
// contacts. It is meant for commands: it reads every record.
func NewNotebook(now time.Time, contacts []model.Contact, facts []model.ActivityFacts, st model.Settings) Notebook {
	if !slices.IsSortedFunc(contacts, byID) {
		contacts, facts = sortedByID(contacts, facts)
	}
	st = st.Normalized()
	return Notebook{Contacts: contacts, Facts: facts, Settings: st, Now: now,
		Agenda: model.NextStepsOf(now, contacts, facts, st), Rhythm: model.RhythmAt(now, model.ProgressWeeks, facts, st)}
}

func byID(a, b model.Contact) int { return cmp.Compare(a.ID, b.ID) }

// sortedByID sorts copies of contacts and their facts by ID.
func sortedByID(contacts []model.Contact, facts []model.ActivityFacts) ([]model.Contact, []model.ActivityFacts) {
	order := make([]int, len(contacts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return byID(contacts[a], contacts[b]) })
	cs := make([]model.Contact, len(contacts))
	fs := make([]model.ActivityFacts, len(contacts))
	for i, p := range order {
		cs[i] = contacts[p]
		if p < len(facts) {
			fs[i] = facts[p]
		}
	}
	return cs, fs
}

// Contact is the contact with the given ID, if the notebook has it.
func (nb Notebook) Contact(id uint64) (model.Contact, bool) {
	if i, ok := nb.index(id); ok {
		return nb.Contacts[i], true
	}
	return model.Contact{}, false
}

// Name is the name of the contact with the given ID, without copying the
// contact (What's next asks for thousands).
func (nb Notebook) Name(id uint64) (string, bool) {
	if i, ok := nb.index(id); ok {
		return nb.Contacts[i].Name, true
	}
	return "", false
}

// index is where the contact with the given ID is in Contacts.
func (nb Notebook) index(id uint64) (int, bool) {
	cs := nb.Contacts
	// IDs are given from 1 up and rarely deleted, so the contact is
	// usually at ID-1; else a binary search, by index: a comparison
	// taking a Contact would copy one per step.
	if id >= 1 && id <= uint64(len(cs)) && cs[id-1].ID == id {
		return int(id - 1), true
	}
	i := sort.Search(len(cs), func(i int) bool { return cs[i].ID >= id })
	return i, i < len(cs) && cs[i].ID == id
}

// NotebookLoadedMsg carries a fresh read of the notebook.
type NotebookLoadedMsg struct {
	Notebook Notebook
	Err      error
}

func (m NotebookLoadedMsg) Failed() error { return m.Err }

// LoadNotebook reads every contact's summary — no notes, no timeline, no
// interview — and computes the agenda at now().
func LoadNotebook(s *store.Store, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		sum, err := s.Summaries()
		if err != nil {
			return NotebookLoadedMsg{Err: err}
		}
		return NotebookLoadedMsg{Notebook: NewNotebook(now(), sum.Contacts, sum.Facts, sum.Settings)}
	}
}

// Results of the pipeline's actions.
type (
	// interactionLoggedMsg reports an entry added to a contact's timeline
	// (and the stage move it made, which the store did in the same step).
	interactionLoggedMsg struct {
		interaction model.Interaction
		err         error
	}
	// InterviewScheduledMsg reports an agreed meeting.
	InterviewScheduledMsg struct {
		interview model.Interview
		Err       error
	}
)

func (m interactionLoggedMsg) Failed() error  { return m.err }
func (m InterviewScheduledMsg) Failed() error { return m.Err }

// LogInteraction adds it to the timeline, moving the contact forward.
func LogInteraction(s *store.Store, it model.Interaction) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.AddInteraction(it, true)
		return interactionLoggedMsg{saved, err}
	}
}

// ScheduleInterview records the meeting; the store moves the contact to
// Scheduled in the same transaction.
func ScheduleInterview(s *store.Store, iv model.Interview, sch model.Schedule) tea.Cmd {
	return func() tea.Msg {
		if iv.ID == 0 && len(iv.Questions) == 0 {
			// A new interview starts from the same plan s would give, so
			// it is ready to run when the day comes.
			st, err := s.QuestionBank()
			if err != nil {
				return InterviewScheduledMsg{Err: err}
			}
			iv.Questions = questions.StartingPlan(st.Default(), questions.Bank(st), sch.Budget()).Questions()
		}
		saved, err := s.ScheduleInterview(iv, sch)
		return InterviewScheduledMsg{saved, err}
	}
}

// InterviewCreatedMsg reports a new interview, ready to run; the screen
// that asked opens it.
type InterviewCreatedMsg struct {
	Interview model.Interview
	Err       error
}

func (m InterviewCreatedMsg) Failed() error { return m.Err }

func (m InterviewCreatedMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	iv := m.Interview
	return []NotebookChangedMsg{{Kind: ChangedInterview, ContactID: iv.ContactID, Interview: &iv}}
}

// StartInterview creates an interview from the starting plan, the user's
// default set or a balanced pick from their bank, for the default budget.
func StartInterview(s *store.Store, contactID uint64, now time.Time) tea.Cmd {
	return func() tea.Msg {
		st, err := s.QuestionBank()
		if err != nil {
			return InterviewCreatedMsg{Err: err}
		}
		iv := model.NewInterview(contactID, nil, now)
		iv.Questions = questions.StartingPlan(st.Default(), questions.Bank(st), iv.Budget).Questions()
		saved, err := s.PutInterview(iv)
		return InterviewCreatedMsg{saved, err}
	}
}

func (m interactionLoggedMsg) Changes() []NotebookChangedMsg {
	if m.err != nil {
		return nil
	}
	return []NotebookChangedMsg{{Kind: ChangedTimeline, ContactID: m.interaction.ContactID}}
}

func (m InterviewScheduledMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	iv := m.interview
	return []NotebookChangedMsg{{Kind: ChangedInterview, ContactID: iv.ContactID, Interview: &iv}}
}

// DayLabel names a day relative to today: "today", "tomorrow", "Thu 14
// Mar" — the way people think about the week ahead.
func DayLabel(t, now time.Time) string {
	switch model.DaysBetween(now, t, now.Location()) {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	case -1:
		return "yesterday"
	}
	if t.In(now.Location()).Year() != now.Year() {
		return t.In(now.Location()).Format("2 Jan 2006")
	}
	return t.In(now.Location()).Format("Mon 2 Jan")
}
