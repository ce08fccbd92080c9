// Package plan is the plan of an interview's questions.
package plan

import (
	"errors"
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/components/questionrow"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

type planPane int

const (
	planPanePlan planPane = iota
	planPaneBank
)

// planMode is what the plan screen's keys go to.
type planMode int

const (
	planBrowse    planMode = iota
	planFiltering          // typing the bank filter
	planOneOff             // writing a one-off question
	planReword             // rewording a plan item
	planBudget             // choosing the time budget
	planOther              // typing a budget in minutes
	planSetName            // naming the plan to save it as a set
	planSets               // choosing a saved set
)

// budgetChoices are the budgets offered first: what people usually grant.
// The last choice, "other", asks for minutes.
var budgetChoices = []time.Duration{15 * time.Minute, 20 * time.Minute, 30 * time.Minute, 0}

// planScreen prepares one interview: the plan on one side, the contact's
// research notes and the bank to pick from on the other. Ready turns the
// plan into a new interview and opens the live screen on it, so the
// checklist is exactly the plan.
type planScreen struct {
	c       *common.Common
	keys    planKeys
	contact model.Contact
	bank    common.BankCopy
	loaded  bool

	budget time.Duration
	// target is the not-yet-started interview the plan is for, or 0 for a
	// new one.
	target uint64
	plan   questions.Plan
	// setName is the set last loaded or saved, offered again by S.
	setName string
	// touched is set by the first edit: until then the plan is the
	// starting plan, re-picked when the budget changes.
	touched bool
	// kept is set when the plan is the one the target interview already
	// has: it is the user's, never re-picked.
	kept bool
	// scheduled is whether the target interview has a date, for the words
	// of the leave confirmation.
	scheduled bool

	focus      planPane
	cursor     int // plan row; len(plan.Items) is the Ready row
	offset     int // first plan line shown
	bankRows   []questions.Question
	bankCursor int
	bankOffset int
	filter     textinput.Model

	mode         planMode
	input        textinput.Model
	inputProblem string
	choice       int // budget chooser position
	setCursor    int // 0 is "balanced pick", then the saved sets
	creating     bool

	width, height int
}

// Messages private to the plan screen.
type (
	// planReadyMsg reports the interview made from the plan.
	planReadyMsg struct {
		interview model.Interview
		err       error
	}
	// planDeleteSetMsg comes back from the delete-set confirmation.
	planDeleteSetMsg struct{ name string }
)

func (m planReadyMsg) Changes() []common.NotebookChangedMsg {
	if m.err != nil {
		return nil
	}
	iv := m.interview
	return []common.NotebookChangedMsg{{Kind: common.ChangedInterview, ContactID: iv.ContactID, Interview: &iv}}
}

func (m planReadyMsg) Failed() error { return m.err }

func NewPlanScreen(c *common.Common, contact model.Contact) planScreen {
	return planScreen{c: c, keys: newPlanKeys(), contact: contact, budget: model.DefaultBudget,
		filter: common.NewInput(c.Styles, "words"), input: common.NewInput(c.Styles, "")}
}

// newPlanScreenFor prepares an interview that exists but has not started,
// such as one already scheduled: the plan goes into it, and its budget (the
// length asked for) is the starting budget.
func newPlanScreenFor(c *common.Common, contact model.Contact, target model.Interview) planScreen {
	p := NewPlanScreen(c, contact)
	p.target = target.ID
	if target.Budget > 0 {
		p.budget = target.Budget
	}
	return p
}

// createFromPlan saves the plan into the target interview, or into a new
// one when target is 0, not yet started.
func createFromPlan(s *store.Store, contactID, target uint64, plan questions.Plan, budget time.Duration, now time.Time) tea.Cmd {
	return func() tea.Msg {
		iv := model.NewInterview(contactID, nil, now)
		if target != 0 {
			stored, err := s.Interview(target)
			if err != nil {
				return planReadyMsg{err: err}
			}
			if stored.Clock.State() != model.NotStarted {
				return planReadyMsg{err: errors.New("that interview has started meanwhile; the plan was not applied")}
			}
			iv = stored
		}
		iv.Questions = plan.Questions()
		iv.SetBudget(budget)
		saved, err := s.PutInterview(iv)
		return planReadyMsg{saved, err}
	}
}

func (p planScreen) bankQuestions() []questions.Question { return questions.Bank(p.bank.State) }

// restart replaces an untouched plan with the starting plan for the
// current budget: the default set, or a balanced pick.
func (p *planScreen) restart() {
	p.plan = questions.StartingPlan(p.bank.State.Default(), p.bankQuestions(), p.budget)
	if d := p.bank.State.Default(); d != nil && len(d.Items) > 0 {
		p.setName = d.Name
	}
	p.cursor, p.offset = 0, 0
}

func (p *planScreen) refilter() {
	p.bankRows = questions.Filter(p.bankQuestions(), "", "", p.filter.Value())
	p.bankCursor = min(p.bankCursor, max(len(p.bankRows)-1, 0))
	p.bankOffset = questionrow.ScrollTo(p.bankOffset, p.bankCursor, p.bankListRows(), len(p.bankRows))
}

// edited adopts a changed plan.
func (p *planScreen) edited(plan questions.Plan) {
	p.plan, p.touched = plan, true
	p.cursor = min(p.cursor, len(p.plan.Items))
}

// leaveConfirm asks before an edited plan is dropped, in words that fit
// the interview it is for.
func (p planScreen) leaveConfirm() common.Screen {
	if p.target != 0 {
		keeps := "The interview keeps the questions it had."
		if p.scheduled {
			keeps = "The interview stays scheduled with the questions it had."
		}
		return confirm.NewConfirm(p.c, "Leave without saving this plan?", keeps+" S saves this plan as a set.", common.Pop)
	}
	return confirm.NewConfirm(p.c, "Leave without creating the interview?",
		"This plan is not kept. S saves it as a set to use again.", common.Pop)
}

// addedAt adopts a plan with one new item at its end and moves that item
// to position at (the cursor's place), so what the user writes lands where
// they were looking. At the Ready row it goes in as added does.
func (p *planScreen) addedAt(plan questions.Plan, at int) {
	last := len(plan.Items) - 1
	if at >= last {
		p.added(plan)
		return
	}
	plan, i := plan.Move(last, at-last)
	p.edited(plan)
	p.cursor = i
}

// added adopts a plan with one new item at its end, and moves that item
// above the closing questions the plan ends with: the closing ritual comes
// last in the conversation, and what the user adds is what they came for.
// The cursor follows the new item.
func (p *planScreen) added(plan questions.Plan) {
	i := len(plan.Items) - 1
	closing := 0
	for j := i - 1; j >= 0; j-- {
		q, ok := questions.Lookup(p.bankQuestions(), plan.Items[j].BankID)
		if !ok || q.Theme != questions.ThemeClosing {
			break
		}
		closing++
	}
	plan, i = plan.Move(i, -closing)
	p.edited(plan)
	p.cursor = i
}

func (p planScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case planLoadedMsg:
		if msg.err == nil && !p.loaded {
			p.loaded = true
			p.bank = common.BankCopy{State: msg.bank}
			p.start(msg.target)
			p.refilter()
			return p, p.unfinishedNote()
		}
	case common.BankSavedMsg:
		return p, p.bank.Saved(msg)
	case common.NotebookChangedMsg:
		if msg.Contact != nil && msg.Contact.ID == p.contact.ID {
			p.contact = *msg.Contact
		}
	case planReadyMsg:
		p.creating = false
		if msg.err == nil && msg.interview.ContactID == p.contact.ID {
			return p, tea.Sequence(common.Pop, common.OpenInterview(p.c.Store, p.contact, msg.interview.ID))
		}
	case planDeleteSetMsg:
		st, err := p.bank.State.DeleteSet(msg.name)
		if err != nil {
			return p, common.Info("%s", common.Sentence(err))
		}
		p.setCursor = 0
		return p, p.bank.Change(p.c, st, fmt.Sprintf("Deleted the set %q.", msg.name))
	case tea.KeyMsg:
		if !p.loaded || p.creating {
			if key.Matches(msg, p.keys.Back) {
				return p, common.Pop
			}
			return p, nil
		}
		return p.HandleKey(msg)
	}
	return p, nil
}

func (p planScreen) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch p.mode {
	case planFiltering:
		return p.handleFilterKey(msg)
	case planOneOff, planReword, planOther, planSetName:
		return p.handleInputKey(msg)
	case planBudget:
		return p.handleBudgetKey(msg)
	case planSets:
		return p.handleSetsKey(msg)
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.Ready):
		return p.ready()
	case key.Matches(msg, k.Back):
		if p.filter.Value() != "" {
			// A kept filter is what esc undoes first, as it does while typing it.
			p.filter.SetValue("")
			p.refilter()
			return p, nil
		}
		if !p.touched {
			return p, common.Pop
		}
		return p, common.Push(p.leaveConfirm())
	case key.Matches(msg, k.Switch):
		p.focus = 1 - p.focus
	case key.Matches(msg, k.OneOff):
		return p.openInput(planOneOff, "", "a question for this person, from your research")
	case key.Matches(msg, k.Budget):
		p.mode, p.choice = planBudget, len(budgetChoices)-1
		for i, d := range budgetChoices {
			if d == p.budget {
				p.choice = i
			}
		}
	case key.Matches(msg, k.SaveSet):
		return p.openInput(planSetName, p.setName, "a name, e.g. first chat with a product manager")
	case key.Matches(msg, k.Sets):
		p.mode, p.setCursor = planSets, 0
	case p.focus == planPaneBank:
		return p.handleBankKey(msg)
	default:
		return p.handlePlanKey(msg)
	}
	return p, nil
}

func (p planScreen) handlePlanKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := p.keys
	n := len(p.plan.Items)
	onItem := p.cursor < n
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, n)
	case key.Matches(msg, k.ReadyRow) && !onItem:
		return p.ready()
	case !onItem:
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		d := 1
		if key.Matches(msg, k.MoveUp) {
			d = -1
		}
		plan, i := p.plan.Move(p.cursor, d)
		p.edited(plan)
		p.cursor = i
	case key.Matches(msg, k.MoveTop), key.Matches(msg, k.MoveBottom):
		d := -n
		if key.Matches(msg, k.MoveBottom) {
			d = n
		}
		plan, i := p.plan.Move(p.cursor, d)
		p.edited(plan)
		p.cursor = i
	case key.Matches(msg, k.MustAsk):
		p.edited(p.plan.ToggleMustAsk(p.cursor))
	case key.Matches(msg, k.Remove):
		p.edited(p.plan.Remove(p.cursor))
	case key.Matches(msg, k.EditText):
		return p.openInput(planReword, p.plan.Items[p.cursor].Text, "")
	}
	p.offset = p.scrollPlan()
	return p, nil
}

func (p planScreen) handleBankKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := p.keys
	move := func(d int) {
		p.bankCursor = min(max(p.bankCursor+d, 0), max(len(p.bankRows)-1, 0))
		p.bankOffset = questionrow.ScrollTo(p.bankOffset, p.bankCursor, p.bankListRows(), len(p.bankRows))
	}
	switch {
	case key.Matches(msg, k.Up):
		move(-1)
	case key.Matches(msg, k.Down):
		move(1)
	case key.Matches(msg, k.Filter):
		p.mode = planFiltering
		return p, p.filter.Focus()
	case key.Matches(msg, k.Add):
		if p.bankCursor >= len(p.bankRows) {
			return p, nil
		}
		plan, err := p.plan.Add(p.bankRows[p.bankCursor])
		if err != nil {
			return p, common.Info("%s", common.Sentence(err))
		}
		p.added(plan)
		p.offset = p.scrollPlan()
		move(1) // on to the next candidate
	}
	return p, nil
}

func (p planScreen) handleFilterKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	if key.Matches(msg, p.keys.FilterDone) {
		if msg.Type == tea.KeyEsc {
			p.filter.SetValue("")
		}
		p.mode = planBrowse
		p.filter.Blur()
		p.refilter()
		return p, nil
	}
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	p.bankCursor, p.bankOffset = 0, 0
	p.refilter()
	return p, cmd
}

// ready creates the interview from the plan.
func (p planScreen) ready() (common.Screen, tea.Cmd) {
	if len(p.plan.Items) == 0 {
		return p, common.Info("The plan is empty: add a question from the bank, or write one with o.")
	}
	p.creating = true
	return p, createFromPlan(p.c.Store, p.contact.ID, p.target, p.plan, p.budget, p.c.Now())
}

func (p planScreen) SetSize(w, h int) common.Screen {
	p.width, p.height = w, h
	p.offset = p.scrollPlan()
	p.bankOffset = questionrow.ScrollTo(p.bankOffset, p.bankCursor, p.bankListRows(), len(p.bankRows))
	return p
}

func (p planScreen) Capturing() bool {
	return p.mode == planFiltering || p.mode == planOneOff || p.mode == planReword ||
		p.mode == planOther || p.mode == planSetName
}

// Flush writes the bank (saved sets) if its last save did not go through.
// The plan itself lives only on screen until Ready.
// Flush writes the bank if its last change is not on disk. Text being
// typed (a one-off question, a new wording, a budget, a set's name) is
// applied first as enter would; a plan it changed is kept as a saved set,
// since a plan reaches the notebook only as an interview, which the user
// has not asked for yet.
func (p planScreen) Flush(s *store.Store) error {
	named, typed := false, false
	if mode := p.mode; p.typing() {
		if sc, _ := p.submitInput(); sc.(planScreen).mode == planBrowse {
			p = sc.(planScreen)
			named, typed = mode == planSetName, mode != planSetName
		}
	}
	// An edited plan not yet made an interview (ctrl+c, a closed terminal)
	// is kept as a set, one-offs and all, rather than lost.
	if (p.touched || typed) && !named {
		plan := p.plan
		plan.Name = fmt.Sprintf("%s%d min)", unfinishedSetPrefix(p.contact.Name), int(p.budget/time.Minute))
		if st, err := p.bank.State.SaveSet(plan); err == nil {
			p.bank.State, p.bank.Unsaved = st, true
		}
	}
	return p.bank.Flush(p.c, s)
}

// typing is true while text is being typed in one of the plan's inputs.
func (p planScreen) typing() bool {
	switch p.mode {
	case planOneOff, planReword, planOther, planSetName:
		return strings.TrimSpace(p.input.Value()) != ""
	}
	return false
}

// Watches the contact it plans for, shown in the header.
func (p planScreen) Watches() common.Watcher { return common.Watching(common.ChangedContact) }

// Unsaved: a change to the bank (a set saved or deleted) not yet on disk,
// text being typed, or an edited plan not yet made an interview.
func (p planScreen) Unsaved() bool { return p.bank.Unsaved || p.typing() || p.touched }

// SaveNow is nil: bank changes are written as they are made; the plan
// itself becomes an interview only when the user says so.
func (p planScreen) SaveNow() tea.Cmd { return nil }

func (p planScreen) Help() help.KeyMap {
	k := p.keys
	switch p.mode {
	case planFiltering:
		return common.KeyMap{Short: []key.Binding{k.FilterDone}, Full: [][]key.Binding{{k.FilterDone}}}
	case planOneOff, planReword, planOther, planSetName:
		return common.KeyMap{Short: []key.Binding{k.InputOK, k.InputCancel}, Full: [][]key.Binding{{k.InputOK, k.InputCancel}}}
	case planBudget:
		return common.KeyMap{Short: []key.Binding{k.Left, k.Right, k.Choose, k.Close}, Full: [][]key.Binding{{k.Left, k.Right, k.Choose, k.Close}}}
	case planSets:
		k.DeleteSet.SetEnabled(p.setCursor > 0)
		k.Choose.SetHelp("enter", "load")
		return common.KeyMap{Short: []key.Binding{k.Up, k.Down, k.Choose, k.Default, k.DeleteSet, k.Close},
			Full: [][]key.Binding{{k.Up, k.Down, k.Choose, k.Default, k.DeleteSet, k.Close}}}
	}
	onItem := p.focus == planPanePlan && p.cursor < len(p.plan.Items)
	for _, b := range []*key.Binding{&k.MoveUp, &k.MoveDown, &k.MoveTop, &k.MoveBottom, &k.MustAsk, &k.Remove, &k.EditText} {
		b.SetEnabled(onItem)
	}
	k.ReadyRow.SetEnabled(p.focus == planPanePlan && !onItem)
	if p.target != 0 {
		k.Ready.SetHelp("ctrl+s", "ready: save plan")
	}
	k.Add.SetEnabled(p.focus == planPaneBank && len(p.bankRows) > 0)
	k.Filter.SetEnabled(p.focus == planPaneBank)
	return common.KeyMap{
		Short: []key.Binding{k.Switch, k.ReadyRow, k.Ready, k.Add, k.MustAsk, k.OneOff, k.MoveUp, k.MoveDown, k.Remove, k.Back},
		Full: [][]key.Binding{{k.Up, k.Down, k.Switch, k.Add, k.Filter},
			{k.MoveUp, k.MoveDown, k.MoveTop, k.MoveBottom, k.MustAsk, k.Remove, k.EditText, k.OneOff},
			{k.Budget, k.SaveSet, k.Sets, k.Ready, k.Back}},
	}
}

// OpenPlan opens the plan for a new interview, or for the one named.
func OpenPlan(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	m, ok := msg.(common.OpenPlanMsg)
	switch {
	case !ok:
		return nil, false
	case m.Interview != nil:
		return newPlanScreenFor(c, m.Contact, *m.Interview), true
	}
	return NewPlanScreen(c, m.Contact), true
}
