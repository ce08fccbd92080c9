package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"parley/model"
	"parley/store"
)

// statusTTL is how long an informational status line stays.
const statusTTL = 4 * time.Second

type globalKeys struct {
	Quit key.Binding
	Help key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "save & quit")),
		Help: key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
	}
}

// shutdownMsg asks the app to stop because of a signal (SIGTERM, SIGHUP).
type shutdownMsg struct{ reason string }

type statusExpiredMsg struct{ gen int }

// App is the root model.
type App struct {
	c        *common
	keys     globalKeys
	stack    []screen
	width    int
	height   int
	sized    bool
	help     help.Model
	fullHelp bool

	status    statusMsg
	statusGen int

	// crashed holds a panic caught in Update or View; the program then
	// quits, saves what it can and reports it.
	crashed error

	// orphans are interviews whose screen closed before their last save
	// went through (see orphans.go).
	orphans map[uint64]model.Interview
}

// newApp builds the root model with "What's next" as its first screen.
func newApp(c *common) App {
	h := help.New()
	h.Styles = c.styles.Help
	return App{c: c, keys: newGlobalKeys(), help: h, stack: []screen{newHome(c)}}
}

// Init loads the first screen's data.
func (a App) Init() tea.Cmd { return loadNotebook(a.c.store) }

func (a App) top() screen { return a.stack[len(a.stack)-1] }

// Update dispatches by message type; screens own their own keys.
func (a App) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			a.crashed = fmt.Errorf("internal error: %v", r)
			m, cmd = a, tea.Quit
		}
	}()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height, a.sized = msg.Width, msg.Height, true
		a.resize()
		return a, nil
	case tea.KeyMsg:
		return a.handleKey(msg)
	case shutdownMsg:
		return a, tea.Quit
	case pushMsg:
		a.stack = append(a.stack, msg.s)
		a.resize()
		if l, ok := msg.s.(loader); ok {
			return a, l.load()
		}
		return a, nil
	case replaceMsg:
		var save tea.Cmd
		if sv, ok := a.top().(saver); ok {
			save = sv.saveNow()
		}
		a.stack[len(a.stack)-1] = msg.s
		a.resize()
		return a, save
	case popMsg:
		// A screen closing with changes not yet written writes them now:
		// its autosave timer would find it gone. The screen below re-reads
		// its data only after that write, or it could show the old state.
		var save tea.Cmd
		if len(a.stack) > 1 {
			if sv, ok := a.top().(saver); ok {
				save = sv.saveNow()
			}
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.resize()
		if r, ok := a.top().(revealer); ok {
			var cmd tea.Cmd
			a.stack[len(a.stack)-1], cmd = r.reveal()
			return a, tea.Sequence(save, cmd)
		}
		return a, save
	case statusMsg:
		return a.setStatus(msg)
	case statusExpiredMsg:
		if msg.gen == a.statusGen && !a.status.err {
			a.status = statusMsg{}
		}
		return a, nil
	}
	var cmds []tea.Cmd
	switch m := msg.(type) {
	case orphanRetryMsg:
		return a, a.retryOrphans()
	case interviewSavedMsg:
		a.releaseSaved(m)
		cmds = append(cmds, a.adoptFailedSave(m))
	}
	if f, ok := msg.(failure); ok && f.failed() != nil {
		var c tea.Cmd
		a, c = a.setStatus(statusMsg{text: plainError(f.failed()), err: true})
		cmds = append(cmds, c)
	}
	// Results go to every screen, so a covered screen stays current.
	for i, s := range a.stack {
		var c tea.Cmd
		a.stack[i], c = s.update(msg)
		cmds = append(cmds, c)
	}
	return a, tea.Batch(cmds...)
}

func (a App) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	// Keys typed quickly (or sent by a script) can arrive as one message
	// of several runes. Text fields take them whole; anywhere else each is
	// a shortcut of its own, and one may open a field for the rest.
	if msg.Type == tea.KeyRunes && !msg.Paste && len(msg.Runes) > 1 && !a.top().capturing() {
		var cmds []tea.Cmd
		for i, r := range msg.Runes {
			if a.top().capturing() {
				rest := msg
				rest.Runes = msg.Runes[i:]
				m, cmd := a.handleKey(rest)
				return m, tea.Batch(append(cmds, cmd)...)
			}
			one := msg
			one.Runes = []rune{r}
			m, cmd := a.handleKey(one)
			a = m.(App)
			cmds = append(cmds, cmd)
		}
		return a, tea.Batch(cmds...)
	}
	if key.Matches(msg, a.keys.Quit) {
		return a, tea.Quit
	}
	if a.fullHelp && (msg.Type == tea.KeyEsc || key.Matches(msg, a.keys.Help)) {
		a.fullHelp = false
		a.resize()
		return a, nil
	}
	if key.Matches(msg, a.keys.Help) && (!a.top().capturing() || msg.Type == tea.KeyF1) {
		a.fullHelp = !a.fullHelp
		a.resize()
		return a, nil
	}
	i := len(a.stack) - 1
	var cmd tea.Cmd
	a.stack[i], cmd = a.stack[i].update(msg)
	return a, cmd
}

func (a App) setStatus(msg statusMsg) (App, tea.Cmd) {
	a.status = msg
	a.statusGen++
	if msg.err {
		return a, nil
	}
	gen := a.statusGen
	return a, a.c.after(statusTTL, func(time.Time) tea.Msg { return statusExpiredMsg{gen} })
}

// resize gives every screen the room left by the footer.
func (a *App) resize() {
	if !a.sized {
		return
	}
	h := max(a.height-lipgloss.Height(a.footer()), 1)
	for i, s := range a.stack {
		a.stack[i] = s.setSize(a.width, h)
	}
}

func (a App) footer() string {
	a.help.Width = a.width
	km := combinedKeys{a.top().help(), a.keys, a.top().capturing()}
	// The status line is always there, blank or not, so the layout does not
	// jump when a message comes and goes.
	st, text := a.c.styles.Info, a.status.text
	if a.status.err {
		st, text = a.c.styles.Error, "! "+text
	}
	lines := []string{st.Render(truncateCells(text, a.width))}
	if a.fullHelp {
		lines = append(lines, a.fullHelpView(km.FullHelp()))
	} else {
		lines = append(lines, a.help.ShortHelpView(km.ShortHelp()))
	}
	return strings.Join(lines, "\n")
}

// View draws the top screen above the footer, clipped to the window.
func (a App) View() (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprintf("Parley hit an internal error: %v", r)
		}
	}()
	if !a.sized {
		return "loading…"
	}
	if a.width < 1 || a.height < 1 {
		return ""
	}
	footer := a.footer()
	fh := lipgloss.Height(footer)
	if fh >= a.height {
		return fit(footer, a.width, a.height)
	}
	return fit(a.top().view(), a.width, a.height-fh) + "\n" + fit(footer, a.width, fh)
}

// fullHelpView lists every enabled binding, a group to a line, wrapped to
// the window. bubbles' full help sets groups side by side in columns and
// cuts the ones that do not fit, which hides keys at 80 columns.
func (a App) fullHelpView(groups [][]key.Binding) string {
	st := a.c.styles.Help
	sep := st.FullSeparator.Render(" • ")
	var lines []string
	for _, g := range groups {
		line := ""
		for _, b := range g {
			h := b.Help()
			if !b.Enabled() || h.Key == "" {
				continue
			}
			item := st.FullKey.Render(h.Key) + " " + st.FullDesc.Render(h.Desc)
			switch {
			case line == "":
				line = item
			case cellWidth(line)+cellWidth(sep)+cellWidth(item) > a.width:
				lines = append(lines, line)
				line = item
			default:
				line += sep + item
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// Flush writes what screens hold unsaved. It runs after the program has
// stopped, whatever stopped it.
func (a App) Flush(s *store.Store) error {
	errs := a.flushOrphans(s)
	for _, sc := range a.stack {
		if f, ok := sc.(flusher); ok {
			if err := f.flush(s); err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("could not save your last changes: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Crashed is the internal error that stopped the program, if any.
func (a App) Crashed() error { return a.crashed }

// combinedKeys is the help for the top screen plus the global keys.
type combinedKeys struct {
	screen    help.KeyMap
	global    globalKeys
	capturing bool
}

func (k combinedKeys) helpKey() key.Binding {
	if k.capturing {
		return key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help"))
	}
	return k.global.Help
}

func (k combinedKeys) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, k.screen.ShortHelp()...), k.helpKey(), k.global.Quit)
}

func (k combinedKeys) FullHelp() [][]key.Binding {
	return append(append([][]key.Binding{}, k.screen.FullHelp()...), []key.Binding{k.helpKey(), k.global.Quit})
}
