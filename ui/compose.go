package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// composePhase is the step of writing one message.
type composePhase int

const (
	composeLoading  composePhase = iota
	composePick                  // choose a template
	composeTakeaway              // choose the takeaway from the notes
	composeDraft                 // read, copy, save, print
	composeEdit                  // edit in place
	composeChannel               // mark as sent: how it went
)

type composeKeys struct {
	Up, Down, Choose, Back                 key.Binding
	Edit, Editor, Copy, CopySubject        key.Binding
	SaveFile, Print, Sent, Other, NoReply  key.Binding
	Templates, Profile, Settings, EditDone key.Binding
}

func newComposeKeys() composeKeys {
	return composeKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Editor:      key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "$EDITOR")),
		Copy:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy")),
		CopySubject: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "copy subject")),
		SaveFile:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "save to file")),
		Print:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "print")),
		Sent:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "mark sent")),
		Other:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "other template")),
		NoReply:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "mark no reply")),
		Templates:   key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "templates")),
		Profile:     key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "profile")),
		Settings:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "follow-up rules")),
		EditDone:    key.NewBinding(key.WithKeys("esc", "ctrl+s"), key.WithHelp("esc", "done editing")),
	}
}

// composeScreen writes one message to one contact: pick a template, see it
// filled, edit it, copy or save or print it, and mark it sent.
type composeScreen struct {
	c         *common
	keys      composeKeys
	contactID uint64
	phase     composePhase
	data      composeData
	asked     bool // the profile form was shown once already
	cursor    int  // in the template, takeaway and channel lists
	suggested string
	step      model.Step
	agenda    model.Agenda // this contact's entries only
	interview *model.Interview
	tmpl      model.TemplateDoc
	takeaway  string
	draft     model.Draft
	edited    bool
	area      textarea.Model
	scroll    int
	notice    string // the outcome of the last copy, save or print
	noticeErr bool
	width     int
	height    int
}

func newComposeScreen(c *common, contact model.Contact) composeScreen {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.CharLimit = 0
	ta.MaxHeight = 0 // a long message must not be cut at 99 lines
	return composeScreen{c: c, keys: newComposeKeys(), contactID: contact.ID,
		data: composeData{contact: contact}, area: ta}
}

func (s composeScreen) load() tea.Cmd { return loadCompose(s.c.store, s.contactID) }

func (s composeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case composeLoadedMsg:
		if msg.contactID == s.contactID && msg.err == nil {
			return s.loaded(msg.data)
		}
	case notebookChangedMsg:
		// Placeholders come from the profile, the templates, the rules
		// and the contact: any of them edited above means a fresh read.
		if s.phase != composeLoading && (msg.kind != changedContact || msg.contactID == s.contactID) {
			return s, s.load()
		}
	case copiedMsg:
		s.setNotice(copyNotice(msg, s.draft.Subject != ""), msg.err != nil)
	case draftSavedMsg:
		if msg.err == nil {
			s.setNotice("Saved to "+msg.path+" (readable by you alone).", false)
		}
	case draftPrintedMsg:
		if msg.err != nil {
			s.setNotice("Could not print the message: "+msg.err.Error(), true)
		} else {
			s.setNotice("Printed on the terminal's main screen; it stays there after Parley quits.", false)
		}
	case draftEditedMsg:
		if msg.err == nil {
			s.setText(msg.text)
		}
	case messageLoggedMsg:
		if msg.err == nil && msg.interaction.ContactID == s.contactID {
			return s, s.logged(msg)
		}
	case composeRepickMsg:
		if msg.contactID == s.contactID {
			s.phase, s.cursor, s.edited, s.notice = composePick, s.templateIndex(), false, ""
		}
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil
}

// loaded takes fresh data. The first load picks the template suggested
// by the contact's next step; a reload (after the profile, a template or
// the rules changed) keeps the user's place and refills an unedited draft.
func (s composeScreen) loaded(d composeData) (screen, tea.Cmd) {
	s.data = d
	now := s.c.now()
	acts := model.Summarize(now, d.interviews, d.timeline)
	s.step = model.NextStep(now, d.contact, acts[d.contact.ID], d.settings)
	s.agenda = model.NextStepsFrom(now, []model.Contact{d.contact}, acts, d.settings)
	s.interview = latestHeld(d.interviews)
	var cmd tea.Cmd
	if s.phase == composeLoading {
		s.phase = composePick
		s.suggested = model.SuggestedTemplate(d.contact, s.step)
		s.cursor = max(slices.IndexFunc(d.templates, func(t model.TemplateDoc) bool { return t.ID == s.suggested }), 0)
		// Asked once, the first time a message needs it: a profile never
		// given. A partly filled one is the user's choice; its gaps show.
		if d.profile == (model.Profile{}) && !s.asked {
			s.asked = true
			cmd = navigate(openProfileMsg{d.profile, true})
		}
	}
	s.cursor = min(s.cursor, max(len(d.templates)-1, 0))
	if i := slices.IndexFunc(d.templates, func(t model.TemplateDoc) bool { return t.ID == s.tmpl.ID }); i >= 0 {
		s.tmpl = d.templates[i]
	}
	if (s.phase == composeDraft || s.phase == composeChannel) && !s.edited {
		s.fill()
	}
	return s, cmd
}

// latestHeld is the interview the thank-you and update are about.
func latestHeld(ivs []model.Interview) *model.Interview {
	var best *model.Interview
	var bestAt time.Time
	for i := range ivs {
		if at, ok := ivs[i].HeldAt(); ok && (best == nil || at.After(bestAt)) {
			best, bestAt = &ivs[i], at
		}
	}
	return best
}

func (s *composeScreen) setNotice(text string, isErr bool) { s.notice, s.noticeErr = text, isErr }

func copyNotice(m copiedMsg, hasSubject bool) string {
	switch {
	case errors.Is(m.err, errNoClipboard), errors.Is(m.err, errClipboardTooLarge):
		return m.err.Error() + " (p prints, f saves)."
	case m.err != nil:
		return "Could not copy: " + m.err.Error() + ". Press p to print it or f to save it."
	}
	text := "Sent " + m.what + " to your terminal's clipboard (OSC 52). If pasting does not work, p prints it and f saves it."
	if hasSubject && m.what != "the subject" {
		text += " C copies the subject."
	}
	return text
}

// fill makes the draft from the chosen template, takeaway and data.
func (s *composeScreen) fill() {
	v := model.Values{Profile: s.data.profile, Contact: s.data.contact, Referrer: s.data.referrer, Takeaway: s.takeaway}
	if s.interview != nil {
		v.InterviewDate = model.InterviewDay(*s.interview)
	}
	d, err := s.tmpl.Fill(v)
	if err != nil {
		s.phase = composePick
		s.setNotice(fmt.Sprintf("The template %q is broken (%v). Press T to fix it.", s.tmpl.Name, err), true)
		return
	}
	if d.Text != s.draft.Text || d.Subject != s.draft.Subject {
		s.notice = "" // a copy or file made before no longer matches
	}
	s.draft, s.edited, s.scroll = d, false, 0
}

// setText takes the message as the user edited it, with an optional
// "Subject:" first line as Draft.LogText writes it.
func (s *composeScreen) setText(text string) {
	subject, body := splitSubject(text)
	if subject != s.draft.Subject || body != s.draft.Text {
		s.draft.Subject, s.draft.Text, s.edited = subject, body, true
		s.notice = "" // a copy or file made before no longer matches
	}
}

func splitSubject(text string) (subject, body string) {
	first, rest, _ := strings.Cut(text, "\n")
	if after, ok := strings.CutPrefix(first, "Subject:"); ok {
		return strings.TrimSpace(after), strings.TrimPrefix(rest, "\n")
	}
	return "", text
}

// usesTakeaway reports whether the template asks for a takeaway, which is
// when to offer the notes to choose one from.
func usesTakeaway(d model.TemplateDoc) bool {
	for _, part := range []string{d.Subject, d.Body} {
		if t, err := model.Parse(part); err == nil && slices.Contains(t.Uses(), model.Placeholder("takeaway")) {
			return true
		}
	}
	return false
}

func (s composeScreen) takeawayChoices() []string {
	if s.interview == nil {
		return nil
	}
	return model.TakeawayChoices(*s.interview)
}

// noReply is the unanswered request this contact has waited on longer
// than the rule, if any.
func (s composeScreen) noReply() (model.Waiting, bool) {
	if len(s.agenda.NoReply) == 0 {
		return model.Waiting{}, false
	}
	return s.agenda.NoReply[0], true
}

// flush keeps a draft the user has edited but not sent when the program
// stops under it (ctrl+c, a closed window): it is written to the drafts
// folder, as `f` would, rather than lost.
// watches what fills the message in.
func (s composeScreen) watches() watcher {
	return watching(changedProfile, changedTemplates, changedSettings, changedContact)
}

// unsaved is true while the message holds edits not sent or logged.
func (s composeScreen) unsaved() bool { return s.edited || s.phase == composeEdit }

// saveNow is nil: leaving with edits asks first (throw away?), and an
// unsent draft is kept as a file only when the program stops.
func (s composeScreen) saveNow() tea.Cmd { return nil }

// flush keeps an edited, unsent message as a draft file when the program
// stops (ctrl+c, SIGTERM, SIGHUP).
func (s composeScreen) flush(st *store.Store) error {
	if s.phase == composeEdit {
		s.setText(s.area.Value())
	}
	if !s.edited {
		return nil
	}
	name := model.DraftFileName(s.data.contact.Name, s.tmpl.ID, s.c.now())
	msg, _ := saveDraftCmd(draftsDir(st.Path()), name, s.draft.LogText())().(draftSavedMsg)
	if msg.err != nil {
		return fmt.Errorf("keep your unsent draft: %w", msg.err)
	}
	return nil
}

// openCompose opens the message screen for a contact.
func openCompose(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(openComposeMsg); ok {
		return newComposeScreen(c, m.contact), true
	}
	return nil, false
}
