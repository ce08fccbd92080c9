// Package importer is the import screen: a file's path and format, then
// what importing it would add, update and skip — written only when the
// user says so.
package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"parley/exchange"
	"parley/store"
	"parley/ui/common"
)

// phase is where the user is in an import.
type phase int

const (
	// choosing: typing the path, choosing the format.
	choosing phase = iota
	// reading: the file is being read and the import planned.
	reading
	// reviewing: the plan (or the file's problems) is on screen; nothing
	// is written yet.
	reviewing
	// applying: the import is being written.
	applying
)

// formatChoices are the format field's values; "" is "from the file".
var formatChoices = append([]string{""}, exchange.Formats...)

type keys struct {
	Complete  key.Binding
	NextField key.Binding
	PrevField key.Binding
	Choose    key.Binding
	Read      key.Binding
	Apply     key.Binding
	Back      key.Binding
	Close     key.Binding
}

func newKeys() keys {
	return keys{
		Complete:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete path")),
		NextField: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "format")),
		PrevField: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "path")),
		Choose:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose format")),
		Read:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "check the file")),
		Apply:     key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter/y", "import")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// Importer brings a file into the notebook: JSON from parley export,
// vCards, LinkedIn or Google contacts. The file is read and the import
// planned in a command; the plan — a dry run — is shown in full before
// anything is written, and written in one transaction on enter.
type Importer struct {
	common.NothingToSave
	c    *common.Common
	keys keys

	path        textinput.Model
	format      int // index into formatChoices
	onFormat    bool
	completions []string
	moreOptions int
	// problem is why the last read failed, in plain words.
	problem string

	phase phase
	// gen tags reads and writes, so the answer to one the user has left
	// (esc, then another file) is dropped.
	gen  int
	plan planned
	// notice is said above a plan: it was made again because the
	// notebook changed.
	notice string
	list   viewport.Model

	width, height int
}

// planned is a file read and its import planned, ready to write.
type planned struct {
	name   string // as the user typed it
	format string
	data   []byte
	now    time.Time
	plan   exchange.Plan
	// next are the IDs the plan numbered new records from.
	next store.NextIDs
	// problems are what is wrong with the file, one a line; then there is
	// nothing to write.
	problems []string
}

// OpenImporter builds the screen for common.OpenImportMsg.
func OpenImporter(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenImportMsg); !ok {
		return nil, false
	}
	return New(c), true
}

// New is the import screen with an empty path field, focused.
func New(c *common.Common) Importer {
	in := common.NewInput(c.Styles, "~/Downloads/contacts.vcf")
	in.Focus()
	return Importer{c: c, keys: newKeys(), path: in, list: viewport.New(0, 0)}
}

func (m Importer) Load() tea.Cmd           { return nil }
func (m Importer) Watches() common.Watcher { return common.Watching() }
func (m Importer) Capturing() bool         { return m.phase == choosing && !m.onFormat }
func (m Importer) SetSize(w, h int) common.Screen {
	m.width, m.height = w, h
	m.layoutList()
	return m
}

// Messages of the screen's commands.
type (
	plannedMsg struct {
		gen  int
		plan planned
		err  error
	}
	// importedMsg is the end of a write: done, refused because the
	// notebook moved on (then it is planned again), or failed.
	importedMsg struct {
		gen     int
		plan    planned
		changed bool
		err     error
	}
)

func (m importedMsg) Failed() error { return m.err }

// Changes names what the import wrote, so the screens showing it (and the
// shared summary) are read again, once.
func (m importedMsg) Changes() []common.NotebookChangedMsg {
	if m.err != nil || m.changed {
		return nil
	}
	b := m.plan.plan.Batch
	var out []common.NotebookChangedMsg
	add := func(wrote bool, kind common.NotebookChangedMsg) {
		if wrote {
			out = append(out, kind)
		}
	}
	add(len(b.Contacts) > 0, common.NotebookChangedMsg{Kind: common.ChangedContact})
	add(len(b.Interviews) > 0, common.NotebookChangedMsg{Kind: common.ChangedInterview})
	add(len(b.Interactions) > 0, common.NotebookChangedMsg{Kind: common.ChangedTimeline})
	add(b.DueRules != nil, common.NotebookChangedMsg{Kind: common.ChangedSettings})
	add(b.Profile != nil, common.NotebookChangedMsg{Kind: common.ChangedProfile})
	add(len(b.Templates) > 0, common.NotebookChangedMsg{Kind: common.ChangedTemplates})
	return out
}

func (m Importer) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case completedMsg:
		if m.phase == choosing && msg.typed == m.path.Value() {
			m.path.SetValue(msg.value)
			m.path.CursorEnd()
			m.completions, m.moreOptions = msg.options, msg.more
		}
		return m, nil
	case plannedMsg:
		if msg.gen != m.gen || m.phase != reading {
			return m, nil
		}
		if msg.err != nil {
			m.phase, m.problem = choosing, plainProblem(msg.err)
			return m, nil
		}
		m.phase, m.plan = reviewing, msg.plan
		m.layoutList()
		return m, nil
	case importedMsg:
		return m.imported(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Importer) handleKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch m.phase {
	case choosing:
		return m.choosingKey(k)
	case reviewing:
		return m.reviewingKey(k)
	}
	// Reading or writing: only leaving is possible, and a write is not
	// stopped by it (the root closes the screen; the result still lands).
	if key.Matches(k, m.keys.Back) && m.phase == reading {
		m.phase = choosing
		m.gen++
	}
	return m, nil
}

func (m Importer) choosingKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		return m, common.Pop
	case key.Matches(k, m.keys.Read):
		return m.read()
	case key.Matches(k, m.keys.NextField) && !m.onFormat:
		m.onFormat = true
		m.path.Blur()
		return m, nil
	case key.Matches(k, m.keys.PrevField) && m.onFormat:
		m.onFormat = false
		m.path.Focus()
		return m, nil
	case key.Matches(k, m.keys.Complete) && !m.onFormat:
		return m, complete(m.path.Value())
	case key.Matches(k, m.keys.Choose) && m.onFormat:
		delta := 1
		if k.Type == tea.KeyLeft {
			delta = -1
		}
		m.format = (m.format + delta + len(formatChoices)) % len(formatChoices)
		return m, nil
	}
	if m.onFormat {
		return m, nil
	}
	before := m.path.Value()
	var cmd tea.Cmd
	m.path, cmd = m.path.Update(k)
	if m.path.Value() != before {
		m.completions, m.moreOptions, m.problem = nil, 0, ""
	}
	return m, cmd
}

func (m Importer) reviewingKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	p := m.plan
	switch {
	case key.Matches(k, m.keys.Back):
		// Cancelled: nothing was written; the path stays for another try.
		m.phase, m.notice = choosing, ""
		m.gen++
		return m, common.Info("Nothing was imported.")
	case key.Matches(k, m.keys.Apply) && len(p.problems) == 0 && p.plan.Changes():
		m.phase = applying
		m.gen++
		return m, apply(m.c.Store, m.gen, p)
	case key.Matches(k, m.keys.Apply):
		// Nothing to write, or a file with problems: enter just leaves.
		m.phase, m.notice = choosing, ""
		return m, nil
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(k)
	return m, cmd
}

// read starts reading the file named in the path field and planning its
// import; nothing is written.
func (m Importer) read() (common.Screen, tea.Cmd) {
	name := m.path.Value()
	if name == "" {
		m.problem = "Type the path of the file to import."
		return m, nil
	}
	m.phase, m.problem, m.notice, m.completions = reading, "", "", nil
	m.gen++
	return m, readAndPlan(m.c.Store, m.gen, name, formatChoices[m.format], m.c.Now())
}

// readAndPlan reads the file and plans its import against the notebook as
// it is now: a dry run.
func readAndPlan(s *store.Store, gen int, name, format string, now time.Time) tea.Cmd {
	return func() tea.Msg {
		path, err := expandHome(name, os.UserHomeDir)
		if err != nil {
			return plannedMsg{gen: gen, err: err}
		}
		data, err := exchange.ReadFile(path)
		if err != nil {
			return plannedMsg{gen: gen, err: err}
		}
		if format == "" {
			format = exchange.SniffFormat(path, data)
		}
		p, err := plan(s, planned{name: name, format: format, data: data, now: now})
		return plannedMsg{gen: gen, plan: p, err: err}
	}
}

// plan reads the notebook and plans p's file into it. A file with
// problems is a plan with nothing to write and the problems listed.
func plan(s *store.Store, p planned) (planned, error) {
	ex, err := exchange.ReadExisting(s)
	if err != nil {
		return p, fmt.Errorf("read the notebook: %w", err)
	}
	p.next = ex.Next
	p.plan, err = exchange.PlanFile(ex, p.format, p.data, p.now)
	var problems exchange.Problems
	switch {
	case errors.As(err, &problems):
		p.problems = problems.Lines()
	case err != nil:
		p.problems = []string{err.Error()}
	}
	return p, nil
}

// apply writes a plan the user saw, if it is still what importing the file
// would do: the file is planned again against the notebook as it is now,
// and the write refused if records came in meanwhile (the spool, another
// screen's save) — then the new plan is shown instead.
func apply(s *store.Store, gen int, shown planned) tea.Cmd {
	return func() tea.Msg {
		again, err := plan(s, shown)
		if err != nil {
			return importedMsg{gen: gen, plan: shown, err: err}
		}
		if !samePlan(again, shown) {
			return importedMsg{gen: gen, plan: again, changed: true}
		}
		err = s.ApplyImportPlanned(again.plan.Batch, again.next)
		if errors.Is(err, store.ErrChangedSincePlan) {
			if again, err = plan(s, shown); err == nil {
				return importedMsg{gen: gen, plan: again, changed: true}
			}
		}
		return importedMsg{gen: gen, plan: again, err: err}
	}
}

// samePlan reports whether two plans of one file say the same.
func samePlan(a, b planned) bool {
	return reflect.DeepEqual(a.problems, b.problems) &&
		reflect.DeepEqual([][]string{a.plan.Added, a.plan.Updated, a.plan.Skipped, a.plan.Conflicts},
			[][]string{b.plan.Added, b.plan.Updated, b.plan.Skipped, b.plan.Conflicts})
}

func (m Importer) imported(msg importedMsg) (common.Screen, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil
	}
	switch {
	case msg.err != nil:
		// The root shows the error; nothing was written (one transaction).
		m.phase = reviewing
		return m, nil
	case msg.changed:
		m.phase, m.plan = reviewing, msg.plan
		m.notice = "The notebook changed while you were looking (a contact added from the command line, say), so here is the plan again. Nothing was written yet."
		m.layoutList()
		return m, nil
	}
	return m, tea.Sequence(common.Pop, common.Info("%s", doneText(msg.plan)))
}

// doneText says what an import did, for the status line.
func doneText(p planned) string {
	pl := p.plan
	return fmt.Sprintf("Imported %s: %s.", displayName(filepath.Base(p.name)), counts(len(pl.Added), len(pl.Updated), len(pl.Skipped), len(pl.Conflicts), false))
}

// counts words the plan's numbers: "3 added, 1 updated, 2 skipped".
func counts(added, updated, skipped, conflicts int, future bool) string {
	words := [3]string{"added", "updated", "skipped"}
	if future {
		words = [3]string{"to add", "to update", "to skip"}
	}
	s := fmt.Sprintf("%d %s, %d %s, %d %s", added, words[0], updated, words[1], skipped, words[2])
	if conflicts > 0 {
		s += fmt.Sprintf(", %d %s", conflicts, common.Plural(conflicts, "conflict", "conflicts"))
	}
	return s
}

// plainProblem words why a file could not be read.
func plainProblem(err error) string {
	var pathErr *os.PathError
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "There is no file at that path."
	case errors.Is(err, os.ErrPermission):
		return "You may not read that file."
	case errors.As(err, &pathErr):
		return "Could not read the file: " + pathErr.Err.Error() + "."
	}
	return common.Sentence(errors.New(strings.TrimPrefix(err.Error(), "import: ")))
}

func (m Importer) Help() help.KeyMap {
	short := m.shortHelp()
	return common.KeyMap{Short: short, Full: [][]key.Binding{short}}
}

func (m Importer) shortHelp() []key.Binding {
	k := m.keys
	switch m.phase {
	case choosing:
		if m.onFormat {
			return []key.Binding{k.Choose, k.PrevField, k.Read, k.Back}
		}
		return []key.Binding{k.Read, k.Complete, k.NextField, k.Back}
	case reviewing:
		if len(m.plan.problems) > 0 || !m.plan.plan.Changes() {
			back := k.Read
			back.SetHelp("enter/esc", "back")
			return []key.Binding{back}
		}
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓ pgup/pgdn", "scroll"))
		return []key.Binding{k.Apply, k.Back, scroll}
	case reading:
		return []key.Binding{k.Back}
	}
	return nil
}
