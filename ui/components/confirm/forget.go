package confirm

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/store"
	"parley/ui/common"
	"parley/ui/safetext"
)

// shownCopies is how many leftover copies the question lists by name; a
// long list of daily backups would push the answer keys off the screen.
const shownCopies = 3

// ForgetScreen asks before forgetting a contact for good. It says what
// goes and what stays, and offers two choices before yes: keep their name
// as plain text on the people they referred (as parley forget
// --keep-names does), and delete the copies of the notebook that still
// hold them.
type ForgetScreen struct {
	ConfirmScreen
	plan      store.ForgetPlan
	copies    []string
	keepNames bool
	prune     bool
	choices   forgetKeys
	// forget makes the command that forgets, with the choices made.
	forget func(keepNames, prune bool) tea.Cmd
}

type forgetKeys struct{ KeepNames, Prune key.Binding }

// NewForget asks whether to forget plan's contact; copies are the
// notebook's leftover copies (store.LeftoverCopies).
func NewForget(c *common.Common, plan store.ForgetPlan, copies []string, forget func(keepNames, prune bool) tea.Cmd) ForgetScreen {
	s := ForgetScreen{
		ConfirmScreen: NewConfirm(c, fmt.Sprintf("Forget %s?", plan.Contact.Name), "", nil),
		plan:          plan, copies: copies, forget: forget,
		choices: forgetKeys{
			KeepNames: key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "keep their name on those they referred")),
			Prune:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "also delete the copies")),
		},
	}
	s.choices.KeepNames.SetEnabled(len(plan.Referred) > 0)
	s.choices.Prune.SetEnabled(len(copies) > 0)
	s.detail = s.describe()
	return s
}

func (s ForgetScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, s.choices.KeepNames):
		s.keepNames = !s.keepNames
	case key.Matches(k, s.choices.Prune):
		s.prune = !s.prune
	case key.Matches(k, s.keys.Yes):
		return s, tea.Sequence(common.Pop, s.forget(s.keepNames, s.prune))
	case key.Matches(k, s.keys.No):
		return s, common.Pop
	}
	s.detail = s.describe()
	return s, nil
}

// describe says what forgetting removes, what stays, and the choices as
// they stand. The root draws it through safetext.Block.
func (s ForgetScreen) describe() string {
	p := s.plan
	var b strings.Builder
	b.WriteString("Removed for good:\n")
	b.WriteString("• the contact, with your notes about them\n")
	fmt.Fprintf(&b, "• %d %s, with every note\n", p.Interviews, common.Plural(p.Interviews, "interview", "interviews"))
	fmt.Fprintf(&b, "• %d %s, with every message\n", p.Entries, common.Plural(p.Entries, "timeline entry", "timeline entries"))
	if len(p.Referred) > 0 {
		names := make([]string, len(p.Referred))
		for i, r := range p.Referred {
			names[i] = safetext.Line(r.Name)
		}
		how := "without a trace"
		if s.keepNames {
			how = "their name stays in those contacts' notes as plain text"
		}
		fmt.Fprintf(&b, "• the \"referred by\" of %s (%s)\n", strings.Join(names, ", "), how)
	}
	b.WriteString("Then the file is rewritten: no byte of them stays in it.")
	if len(s.copies) > 0 {
		fate := "they stay unless you press p"
		if s.prune {
			fate = "they are deleted too"
		}
		fmt.Fprintf(&b, "\n%d %s of the notebook still %s them (%s):",
			len(s.copies), common.Plural(len(s.copies), "copy", "copies"), common.Plural(len(s.copies), "holds", "hold"), fate)
		for _, f := range s.copies[:min(len(s.copies), shownCopies)] {
			b.WriteString("\n  " + safetext.Line(filepath.Join(filepath.Base(filepath.Dir(f)), filepath.Base(f))))
		}
		if more := len(s.copies) - shownCopies; more > 0 {
			fmt.Fprintf(&b, "\n  and %d more", more)
		}
	}
	var choices []string
	if s.choices.KeepNames.Enabled() {
		choices = append(choices, onOff(s.keepNames)+" k: keep their name on those they referred")
	}
	if s.choices.Prune.Enabled() {
		choices = append(choices, onOff(s.prune)+" p: also delete the copies")
	}
	if len(choices) > 0 {
		b.WriteString("\n" + strings.Join(choices, "\n"))
	}
	return b.String()
}

func onOff(on bool) string {
	if on {
		return "[x]"
	}
	return "[ ]"
}

func (s ForgetScreen) SetSize(w, h int) common.Screen {
	s.ConfirmScreen = s.ConfirmScreen.SetSize(w, h).(ConfirmScreen)
	return s
}

func (s ForgetScreen) Help() help.KeyMap {
	keys := []key.Binding{s.keys.Yes, s.choices.KeepNames, s.choices.Prune, s.keys.No}
	return common.KeyMap{Short: keys, Full: [][]key.Binding{keys}}
}
