package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// Notebook is everything the first screen and the list compute from:
// every contact with its activity facts (store.Summaries), the due-date
// rules, and what is computed from them once per read, in the command that
// reads: the agenda at the time of the read and an index by ID. It is
// shared read-only by the screens that get it, so none of them does work
// over every record in Update. A screen that shows an interview reads the
// whole record itself.
type Notebook struct {
	Contacts []model.Contact
	// Facts are each contact's activity, by position in Contacts.
	Facts    []model.ActivityFacts
	Settings model.Settings
	// Agenda is "What's next" at Now.
	Agenda model.Agenda
	Now    time.Time
	byID   map[uint64]int
}

// NewNotebook computes the agenda at now and the index by ID; facts are
// by position in contacts. It is meant for commands: it reads every record.
func NewNotebook(now time.Time, contacts []model.Contact, facts []model.ActivityFacts, st model.Settings) Notebook {
	nb := Notebook{Contacts: contacts, Facts: facts, Settings: st.Normalized(), Now: now,
		byID: make(map[uint64]int, len(contacts))}
	acts := make(map[uint64]model.Activity, len(contacts))
	for i, c := range contacts {
		nb.byID[c.ID] = i
		if i < len(facts) {
			acts[c.ID] = facts[i].At(now)
		}
	}
	nb.Agenda = model.NextStepsFrom(now, contacts, acts, nb.Settings)
	return nb
}

// Contact is the contact with the given ID, if the notebook has it.
func (nb Notebook) Contact(id uint64) (model.Contact, bool) {
	i, ok := nb.byID[id]
	if !ok {
		return model.Contact{}, false
	}
	return nb.Contacts[i], true
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
	if t.Year() != now.Year() {
		return t.In(now.Location()).Format("2 Jan 2006")
	}
	return t.In(now.Location()).Format("Mon 2 Jan")
}
