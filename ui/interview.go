package ui

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// autosaveDelay is how long a change may wait before it is written. Changes
// are gathered for this long and then written together, so a burst of
// typing costs one write and nothing waits longer than this to be saved.
const autosaveDelay = 500 * time.Millisecond

type pane int

const (
	paneChecklist pane = iota
	paneNotes
	paneWrapUp
)

// interviewScreen is the live interview: the clock, the current question,
// the checklist and the notes, saved as they change.
type interviewScreen struct {
	c       *common
	keys    interviewKeys
	contact model.Contact
	iv      model.Interview // iv.Notes is stale: the notes pane holds them
	notes   notesPane
	wrap    wrapUpPane
	// wrapPart is the wrap-up part that has focus when the wrap-up does.
	focus  pane
	cursor int // checklist row: questions first, then closing steps

	input        textinput.Model
	inputFor     inputPurpose
	inputProblem string

	showClosing bool
	// now is the wall clock at the last update; View draws from it.
	now     time.Time
	tickGen int

	// owner is this screen's token with the interview writer; gen counts
	// changes made here and savedGen the ones known to be on disk.
	owner         uint64
	gen           uint64
	savedGen      uint64
	saveScheduled bool
	saveErr       error
	// conflict is set when a save lost a race with another write: saving
	// stops until the user says to save their version over it.
	conflict bool

	thankYouDays int
	// editing is set while the notes are out in $EDITOR.
	editing bool

	width, height int
}

// Messages private to the interview screen, tagged with the interview's ID
// (and, for ticks, a generation) so stale ones are dropped.
type (
	clockTickMsg struct {
		id  uint64
		gen int
	}
	autosaveMsg struct{ id uint64 }
)

func (m clockTickMsg) forInterview() uint64 { return m.id }
func (m autosaveMsg) forInterview() uint64  { return m.id }

func newInterviewScreen(c *common, contact model.Contact, iv model.Interview) interviewScreen {
	s := interviewScreen{
		c: c, keys: newInterviewKeys(), contact: contact, iv: iv,
		notes: newNotesPane(c.styles, iv.Notes), focus: paneNotes,
		input: newInput(c.styles, ""), owner: c.interviews.newOwner(), now: c.now(),
		wrap: newWrapUpPane(c.styles, iv.WrapUp), thankYouDays: model.DefaultThankYouDays,
	}
	s.notes.focused = true
	if s.ended() {
		// Back to a finished interview: the wrap-up is what is left to do.
		s.setFocus(paneWrapUp)
	}
	return s
}

// load starts the clock's ticks if the interview is running, and reads the
// due-date rules the wrap-up needs.
func (s interviewScreen) load() tea.Cmd {
	return tea.Batch(s.tick(), loadSettings(s.c.store), loadLastThanks(s.c.store, s.iv.ContactID))
}

func (s interviewScreen) ended() bool { return s.iv.Clock.State() == model.Ended }

// tick asks for a re-render when the clock's display next changes: the
// next whole second of elapsed time, which follows the wall clock.
func (s interviewScreen) tick() tea.Cmd {
	if s.iv.Clock.State() != model.Running {
		return nil
	}
	elapsed := s.iv.Elapsed(s.now)
	wait := time.Second - elapsed%time.Second
	id, gen := s.iv.ID, s.tickGen
	return s.c.after(wait, func(time.Time) tea.Msg { return clockTickMsg{id, gen} })
}

// changed records a change to the interview and makes sure a save follows.
func (s *interviewScreen) changed() tea.Cmd {
	s.gen++
	if s.saveScheduled || s.conflict {
		return nil
	}
	s.saveScheduled = true
	id := s.iv.ID
	return s.c.after(autosaveDelay, func(time.Time) tea.Msg { return autosaveMsg{id} })
}

// snapshot is the interview as it stands, notes included, safe to hand to a
// command: it shares nothing the screen will change.
func (s interviewScreen) snapshot() model.Interview {
	iv := s.iv
	iv.Questions = append([]model.Question(nil), s.iv.Questions...)
	iv.Closing = append([]model.Question(nil), s.iv.Closing...)
	iv.WrapUp = s.wrap.apply(s.iv.WrapUp)
	iv.Notes = s.notes.Notes()
	return iv
}

func (s interviewScreen) unsaved() bool { return s.gen > s.savedGen }

// save is the command writing the interview as it stands.
func (s interviewScreen) save() tea.Cmd {
	return s.c.interviews.save(s.c.store, s.owner, s.gen, s.snapshot())
}

// watches: the contact's name and details show in the header.
func (s interviewScreen) watches() watcher { return watching(changedContact) }

func (s interviewScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	s.now = s.c.now()
	switch msg := msg.(type) {
	case clockTickMsg:
		if msg.id != s.iv.ID || msg.gen != s.tickGen {
			return s, nil
		}
		return s, s.tick()
	case autosaveMsg:
		if msg.id != s.iv.ID {
			return s, nil
		}
		s.saveScheduled = false
		if !s.unsaved() || s.conflict {
			return s, nil
		}
		return s, s.save()
	case interviewSavedMsg:
		if msg.interview.ID != s.iv.ID || msg.save.owner != s.owner {
			return s, nil
		}
		return s.saved(msg)
	case interviewHeldMsg:
		if msg.saved.interview.ID != s.iv.ID {
			return s, nil
		}
		return s.saved(msg.saved)
	case notebookChangedMsg:
		if msg.contact != nil && msg.contact.ID == s.contact.ID {
			s.contact = *msg.contact
		}
	case thanksLoadedMsg:
		// A thank-you logged on or after the day the interview ended
		// answers the wrap-up's due date.
		if msg.contactID == s.iv.ContactID && msg.err == nil && s.ended() &&
			!model.DueDate(msg.at, 0).Before(model.DueDate(s.iv.Clock.EndedAt, 0)) {
			s.wrap.thanked = msg.at
		}
	case settingsLoadedMsg:
		if msg.err == nil {
			s.thankYouDays = msg.settings.ThankYouDays
		}
	case endInterviewMsg:
		if msg.id == s.iv.ID && !s.ended() {
			return s.end()
		}
	case notesEditedMsg:
		if msg.interviewID != s.iv.ID {
			return s, nil
		}
		s.editing = false
		if msg.err != nil {
			return s, nil
		}
		s.notes.replace(msg.notes)
		s.notes.changed = false
		return s, tea.Batch(s.changed(), info("Notes updated from the editor."))
	case makeContactMsg:
		r := s.wrap.referrals[msg.index]
		return s, makeReferralContact(s.c.store, s.iv.ID, msg.index, r, s.contact, s.now)
	case referralContactMsg:
		if msg.interviewID == s.iv.ID && msg.err == nil {
			s.wrap.linked(msg.index, msg.contact.ID)
			return s, tea.Batch(s.changed(), info("%s added to your contacts, referred by %s.", msg.contact.Name, s.contact.Name))
		}
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil
}

func (s interviewScreen) saved(msg interviewSavedMsg) (screen, tea.Cmd) {
	if msg.superseded {
		return s, nil // a newer save of ours is on its way
	}
	if errors.Is(msg.err, store.ErrConflict) {
		// Someone else wrote the interview: keep the text on screen and
		// stop saving over it until the user says so (ctrl+s).
		s.saveErr, s.conflict = msg.err, true
		return s, nil
	}
	if msg.err != nil {
		s.saveErr = msg.err
		if s.saveScheduled {
			return s, nil
		}
		// Keep trying: the changes are still in memory and will be written
		// once the disk lets us, or on exit.
		s.saveScheduled = true
		id := s.iv.ID
		return s, s.c.after(saveRetryDelay, func(time.Time) tea.Msg { return autosaveMsg{id} })
	}
	s.saveErr = nil
	s.iv.Rev = max(s.iv.Rev, msg.interview.Rev)
	s.savedGen = max(s.savedGen, msg.save.gen)
	return s, nil
}

// keepMine saves the user's version over one written elsewhere, after a
// conflict: it builds on the stored revision, read in the command.
func (s interviewScreen) keepMine() (screen, tea.Cmd) {
	s.conflict, s.saveErr = false, nil
	snap, st, w, owner, gen := s.snapshot(), s.c.store, s.c.interviews, s.owner, s.gen
	return s, func() tea.Msg {
		stored, err := st.Interview(snap.ID)
		if err != nil {
			return interviewSavedMsg{save: interviewSave{interview: snap, owner: owner, gen: gen}, err: err}
		}
		snap.Rev = stored.Rev
		return w.write(st, interviewSave{interview: snap, owner: owner, gen: gen, seq: w.ticket()})
	}
}

func (s interviewScreen) handleKey(msg tea.KeyMsg) (screen, tea.Cmd) {
	if s.inputFor != inputNone {
		return s.handleInput(msg)
	}
	switch {
	case s.conflict && key.Matches(msg, s.keys.KeepMine):
		return s.keepMine()
	case key.Matches(msg, s.keys.StartPause):
		return s.startPause()
	case key.Matches(msg, s.keys.End) && s.ended():
		return s, info("This interview has ended.")
	case key.Matches(msg, s.keys.End):
		return s, push(newConfirm(s.c, "End the interview?",
			"The clock stops for good and the wrap-up opens.", func() tea.Msg { return endInterviewMsg{s.iv.ID} }))
	case key.Matches(msg, s.keys.TickNext):
		// The question ticked is the one the top line shows.
		if i := s.shownNext(); i >= 0 {
			s.iv.ToggleAsked(i, s.now)
			return s, s.changed()
		}
		return s, nil
	case key.Matches(msg, s.keys.SwitchPane):
		return s, s.cycleFocus()
	case key.Matches(msg, s.keys.SwitchBack):
		// Backwards is forwards all the way round but one.
		var cmds []tea.Cmd
		for range s.focusStops() - 1 {
			cmds = append(cmds, s.cycleFocus())
		}
		return s, tea.Batch(cmds...)
	case key.Matches(msg, s.keys.Editor):
		return s.openEditor()
	}
	if s.focus == paneWrapUp {
		if key.Matches(msg, s.keys.Back) && !(s.wrap.part == partReferrals && s.wrap.adding) {
			return s, pop
		}
		changed, cmd := s.wrap.update(msg)
		if changed {
			return s, tea.Batch(cmd, s.changed())
		}
		return s, cmd
	}
	if s.focus == paneNotes {
		if key.Matches(msg, s.keys.NotesBlur) {
			s.setFocus(paneChecklist)
			return s, nil
		}
		if key.Matches(msg, s.keys.StarNote) {
			s.notes.toggleStar()
			s.notes.changed = false
			return s, s.changed()
		}
		qid := 0
		if i := s.iv.Current(); i >= 0 {
			qid = s.iv.Questions[i].ID
		}
		s.notes.update(msg, s.iv.Elapsed(s.now), qid)
		if s.notes.changed {
			s.notes.changed = false
			return s, s.changed()
		}
		return s, nil
	}
	return s.handleChecklistKey(msg)
}

// openEditor hands the notes to $EDITOR. The clock keeps running meanwhile:
// it follows the wall clock.
func (s interviewScreen) openEditor() (screen, tea.Cmd) {
	if s.editing {
		return s, nil
	}
	s.editing = true
	iv := s.iv
	text := model.FormatNotesFile(s.contact.Name, s.notes.Notes(), func(id int) string {
		q, _ := iv.QuestionByID(id)
		return q.Text
	})
	// A paragraph new in the editor is stamped with the clock as the
	// editor closes, read in the command that reads the file back.
	id, now := iv.ID, s.c.now
	stamp := func(text string) []model.Note { return model.ParseNotesFile(text, iv.Elapsed(now())) }
	return s, editText(text, "notes.md", "the notes", s.c.env(), stamp, func(notes []model.Note, err error) tea.Msg {
		return notesEditedMsg{interviewID: id, notes: notes, err: err}
	})
}

// endInterviewMsg comes back from the end confirmation.
type endInterviewMsg struct{ id uint64 }

// end stops the clock for good, opens the wrap-up and puts the interview on
// the contact's timeline, which moves them to interviewed.
func (s interviewScreen) end() (screen, tea.Cmd) {
	s.iv.End(s.now, s.thankYouDays)
	s.tickGen++
	s.wrap = newWrapUpPane(s.c.styles, s.iv.WrapUp)
	s.wrap.setWidth(s.wrapWidth())
	focusCmd := s.setFocus(paneWrapUp)
	s.gen++
	snap := s.snapshot()
	held := s.c.interviews.save(s.c.store, s.owner, s.gen, snap)
	return s, tea.Batch(focusCmd, logInterviewHeld(s.c.store, held, snap, s.now),
		info("Interview ended after %s. Write down what you learned while it is fresh.", model.FormatClock(s.iv.WrapUp.Length)))
}

func (s *interviewScreen) setFocus(p pane) tea.Cmd {
	s.focus = p
	s.notes.focused = p == paneNotes
	if p != paneWrapUp {
		s.wrap.blur()
		return nil
	}
	return s.wrap.focus(s.wrap.part)
}

// focusStops is how many places tab visits.
func (s interviewScreen) focusStops() int {
	if s.ended() {
		return int(wrapUpParts) + 2 // the wrap-up's parts, notes, questions
	}
	return 2
}

// cycleFocus moves focus on with tab: questions and notes during the
// interview; the wrap-up's parts, the notes and the questions after it.
func (s *interviewScreen) cycleFocus() tea.Cmd {
	if !s.ended() {
		if s.focus == paneNotes {
			return s.setFocus(paneChecklist)
		}
		return s.setFocus(paneNotes)
	}
	switch {
	case s.focus == paneWrapUp && s.wrap.part < wrapUpParts-1:
		s.wrap.part++
		return s.setFocus(paneWrapUp)
	case s.focus == paneWrapUp:
		return s.setFocus(paneNotes)
	case s.focus == paneNotes:
		return s.setFocus(paneChecklist)
	default:
		s.wrap.part = partTakeaways
		return s.setFocus(paneWrapUp)
	}
}

func (s interviewScreen) startPause() (screen, tea.Cmd) {
	if s.iv.Clock.State() == model.Ended {
		return s, info("This interview has ended.")
	}
	s.iv.Clock = s.iv.Clock.Toggle(s.now)
	s.tickGen++
	return s, tea.Batch(s.changed(), s.tick())
}

func (s interviewScreen) setSize(w, h int) screen {
	s.width, s.height = w, h
	s.now = s.c.now()
	s.layout()
	return s
}

func (s interviewScreen) capturing() bool {
	return s.focus == paneNotes || s.inputFor != inputNone || (s.focus == paneWrapUp && s.wrap.capturing())
}

// saveNow writes unsaved changes when the screen closes.
func (s interviewScreen) saveNow() tea.Cmd {
	if !s.unsaved() {
		return nil
	}
	return s.save()
}

// flush writes unsaved changes once the program has stopped.
func (s interviewScreen) flush(st *store.Store) error {
	if !s.unsaved() {
		return nil
	}
	return s.c.interviews.writeNow(st, s.owner, s.snapshot())
}

// notesEditedMsg carries the notes back from $EDITOR.
type notesEditedMsg struct {
	interviewID uint64
	notes       []model.Note
	err         error
}

func (m notesEditedMsg) failed() error        { return m.err }
func (m notesEditedMsg) forInterview() uint64 { return m.interviewID }

// openLive builds the live screen of an interview; the root first brings
// forward the one already open, if there is one.
func openLive(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(openInterviewMsg); ok {
		return newInterviewScreen(c, m.contact, m.interview), true
	}
	return nil, false
}

// ownsInterview: this screen is the interview's one live owner.
func (s interviewScreen) ownsInterview() uint64 { return s.iv.ID }
