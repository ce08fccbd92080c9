package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

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

// entry is one screen on the stack with its address.
type entry struct {
	id screenID
	s  screen
}

// App is the root model.
type App struct {
	c        *common
	keys     globalKeys
	stack    []entry
	width    int
	height   int
	sized    bool
	help     help.Model
	fullHelp bool

	// openers build the screens navigation messages name.
	openers []opener
	// lastID is the id given to the newest screen.
	lastID screenID
	// openedBy maps every screen ever pushed to the screen that opened
	// it, so a result for a closed screen reaches the one that asked.
	openedBy map[screenID]screenID

	// summary is the shared read of the notebook; summaryGen tags the
	// latest read asked for, so an older read landing late is dropped.
	summary       notebook
	summaryGen    int
	summaryLoaded bool

	status    statusMsg
	statusGen int

	// crashed holds a panic caught in Update or View; the program then
	// quits, saves what it can and reports it.
	crashed error

	// kept are saves of interviews whose screen closed before the save
	// went through (see keepFailedSave).
	kept map[uint64]interviewSave
}

// summaryLoadedMsg is the root's own read of the notebook summary.
type summaryLoadedMsg struct {
	gen int
	notebookLoadedMsg
}

// newApp builds the root model; openers build its screens, "What's next"
// (openHomeMsg) first.
func newApp(c *common, openers []opener) App {
	h := help.New()
	h.Styles = c.styles.Help
	a := App{c: c, keys: newGlobalKeys(), help: h, lastID: 1, summaryGen: 1, openers: openers,
		openedBy: map[screenID]screenID{}}
	first, ok := a.build(openHomeMsg{})
	if !ok {
		panic("ui: no opener builds the first screen")
	}
	a.stack = []entry{{id: 1, s: first}}
	return a
}

// Init reads the notebook summary the first screen shows.
func (a App) Init() tea.Cmd { return a.reloadSummary(a.summaryGen) }

func (a App) top() screen { return a.stack[len(a.stack)-1].s }

// screens is the stack, bottom first.
func (a App) screens() []screen {
	out := make([]screen, len(a.stack))
	for i, e := range a.stack {
		out[i] = e.s
	}
	return out
}

// reloadSummary reads the shared summary once, for every screen showing it.
func (a App) reloadSummary(gen int) tea.Cmd {
	load := loadNotebook(a.c.store)
	return addressed(rootID, func() tea.Msg {
		msg, _ := load().(notebookLoadedMsg)
		return summaryLoadedMsg{gen, msg}
	})
}

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
	case routedMsg:
		return a.deliver(msg.to, msg.msg)
	}
	// Not addressed: a signal, or Bubble Tea handing back what a program
	// run in the terminal ($EDITOR) returned. The screen that ran it is
	// the top one, since it had the terminal; a message naming an
	// interview goes to that interview's owner wherever it is.
	if m, ok := msg.(interviewOwnerMsg); ok {
		if i := a.ownerOf(m.forInterview()); i >= 0 {
			return a.deliver(a.stack[i].id, msg)
		}
	}
	return a.deliver(a.stack[len(a.stack)-1].id, msg)
}

// deliver handles msg for screen to: navigation and the status line here,
// the rest for that screen alone (or, if it closed, its opener).
func (a App) deliver(to screenID, msg tea.Msg) (App, tea.Cmd) {
	switch msg := msg.(type) {
	case pushMsg:
		return a.push(to, msg.s)
	case openInterviewMsg:
		if i := a.ownerOf(msg.interview.ID); i >= 0 {
			return a.bringForward(i), nil
		}
	case popMsg:
		return a.pop(to)
	case statusMsg:
		return a.setStatus(msg)
	case statusExpiredMsg:
		if msg.gen == a.statusGen && !a.status.err {
			a.status = statusMsg{}
		}
		return a, nil
	case summaryLoadedMsg:
		if msg.gen != a.summaryGen {
			return a, nil
		}
		return a.setSummary(msg.notebookLoadedMsg)
	case notebookLoadedMsg:
		return a.setSummary(msg)
	case orphanRetryMsg:
		return a, addressed(rootID, a.retryKept())
	}
	if s, ok := a.build(msg); ok {
		return a.push(to, s)
	}
	var cmds []tea.Cmd
	if f, ok := msg.(failure); ok && f.failed() != nil {
		var c tea.Cmd
		a, c = a.setStatus(statusMsg{text: plainError(f.failed()), err: true})
		cmds = append(cmds, c)
	}
	if m, ok := msg.(interviewSavedMsg); ok {
		cmds = append(cmds, a.keepFailedSave(m))
	}
	if ch, ok := msg.(changer); ok {
		cmds = append(cmds, a.announce(ch.changes()))
	}
	if i := a.find(a.alive(to)); i >= 0 {
		var c tea.Cmd
		a.stack[i].s, c = a.stack[i].s.Update(msg)
		cmds = append(cmds, addressed(a.stack[i].id, c))
	}
	return a, tea.Batch(cmds...)
}

// setSummary keeps a read of the summary and hands it to the screens
// showing it.
func (a App) setSummary(msg notebookLoadedMsg) (App, tea.Cmd) {
	if msg.err != nil {
		return a.setStatus(statusMsg{text: plainError(msg.err), err: true})
	}
	a.summary, a.summaryLoaded = msg.nb, true
	return a, a.tell(func(w watcher) bool { return w[shownSummary] }, msg)
}

// announce tells the screens that show a changed kind of record, and reads
// the shared summary again, once, if the change moves it.
func (a *App) announce(changes []notebookChangedMsg) tea.Cmd {
	var cmds []tea.Cmd
	summary := false
	for _, ch := range changes {
		summary = summary || ch.movesSummary()
		cmds = append(cmds, a.tell(func(w watcher) bool { return w[ch.kind] }, ch))
	}
	if summary {
		a.summaryGen++
		cmds = append(cmds, a.reloadSummary(a.summaryGen))
	}
	return tea.Batch(cmds...)
}

// tell delivers msg to every screen whose watcher matches.
func (a *App) tell(match func(watcher) bool, msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, e := range a.stack {
		if !match(e.s.watches()) {
			continue
		}
		var c tea.Cmd
		a.stack[i].s, c = e.s.Update(msg)
		cmds = append(cmds, addressed(e.id, c))
	}
	return tea.Batch(cmds...)
}

// build makes the screen a navigation message names.
func (a App) build(msg tea.Msg) (screen, bool) {
	for _, open := range a.openers {
		if s, ok := open(a.c, msg); ok {
			return s, true
		}
	}
	return nil, false
}

// push opens s above the others; opener is the screen that asked.
func (a App) push(opener screenID, s screen) (App, tea.Cmd) {
	a.lastID++
	id := a.lastID
	a.openedBy[id] = opener
	a.stack = append(a.stack, entry{id: id, s: s})
	a.resize()
	load := s.load()
	if s.watches()[shownSummary] && a.summaryLoaded {
		// It shows the summary the root already holds; it gets a fresh
		// one with the next change.
		var c tea.Cmd
		top := &a.stack[len(a.stack)-1].s
		*top, c = (*top).Update(notebookLoadedMsg{nb: a.summary})
		load = tea.Batch(load, c)
	}
	return a, addressed(id, load)
}

// bringForward moves the screen at i to the top: a record has one live
// screen, and opening it again shows that one.
func (a App) bringForward(i int) App {
	e := a.stack[i]
	a.stack = append(append(a.stack[:i:i], a.stack[i+1:]...), e)
	a.resize()
	return a
}

// pop closes screen id (the top one if the root asked). A screen closing
// with changes not yet written writes them now: its autosave timer would
// find it gone. The screens below hear of the write when it lands.
func (a App) pop(id screenID) (App, tea.Cmd) {
	i := a.find(id)
	if i < 0 {
		i = len(a.stack) - 1
	}
	if i == 0 {
		return a, nil
	}
	closed := a.stack[i]
	a.stack = append(a.stack[:i:i], a.stack[i+1:]...)
	a.resize()
	cmds := []tea.Cmd{addressed(closed.id, closed.s.saveNow())}
	if i == len(a.stack) && a.top().watches()[shownSummary] {
		// Back on a summary: the clock has moved on since it was read.
		a.summaryGen++
		cmds = append(cmds, a.reloadSummary(a.summaryGen))
	}
	return a, tea.Batch(cmds...)
}

// find is the stack index of screen id, or -1.
func (a App) find(id screenID) int {
	for i, e := range a.stack {
		if e.id == id {
			return i
		}
	}
	return -1
}

// alive follows openedBy from id to the nearest screen still open; rootID
// when none is.
func (a App) alive(id screenID) screenID {
	for id != rootID && a.find(id) < 0 {
		id = a.openedBy[id]
	}
	return id
}

// ownerOf is the stack index of the live screen of interview id, or -1.
func (a App) ownerOf(id uint64) int {
	for i, e := range a.stack {
		if o, ok := e.s.(interviewOwner); ok && o.ownsInterview() == id {
			return i
		}
	}
	return -1
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
	a.stack[i].s, cmd = a.stack[i].s.Update(msg)
	return a, addressed(a.stack[i].id, cmd)
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
	for i, e := range a.stack {
		a.stack[i].s = e.s.setSize(a.width, h)
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
			out = fmt.Sprintf("%s: %v", viewPanicText, r)
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
	var errs []string
	for _, e := range a.stack {
		if err := e.s.flush(s); err != nil {
			errs = append(errs, err.Error())
		}
	}
	// Screens first: an interview still open writes its newest text, and
	// the kept failed saves of closed ones after.
	errs = append(errs, a.flushKept(s)...)
	if len(errs) > 0 {
		return fmt.Errorf("could not save your last changes: %s", strings.Join(errs, "; "))
	}
	return nil
}

// viewPanicText opens what View draws instead of a screen that panicked.
const viewPanicText = "Parley hit an internal error"

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
