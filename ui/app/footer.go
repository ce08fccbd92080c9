package app

import (
	"parley/ui/common"
	"parley/ui/safetext"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

type globalKeys struct {
	Quit key.Binding
	Help key.Binding
	// Search works on every screen, in text fields too: a control key
	// types nothing.
	Search key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "save & quit")),
		Help:   key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
		Search: key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "search everything")),
	}
}

func (a App) footer() string {
	km := combinedKeys{a.Top().Help(), a.keys, a.Top().Capturing()}
	// The status line is always there, blank or not, so the layout does not
	// jump when a message comes and goes.
	st, text := a.c.Styles.Info, a.status.Text
	if a.status.Err {
		st, text = a.c.Styles.Error, "! "+text
	}
	var lines []string
	for _, l := range a.statusLines(safetext.Line(text)) {
		lines = append(lines, st.Render(l))
	}
	if a.fullHelp {
		lines = append(lines, a.fullHelpView(km.FullHelp()))
	} else {
		lines = append(lines, a.shortHelpView(km.ShortHelp()))
	}
	return strings.Join(lines, "\n")
}

// shortHelpView is the help line, drawn again only when the keys it lists
// or the width change: a live interview's clock redraws the screen every
// second with the same keys, and styling them was a sixth of that frame.
func (a App) shortHelpView(bindings []key.Binding) string {
	var k strings.Builder
	k.WriteString(strconv.Itoa(a.width))
	for _, b := range bindings {
		if b.Enabled() {
			h := b.Help()
			k.WriteString("\x00" + h.Key + "\x01" + h.Desc)
		}
	}
	h := a.help
	if h.key == k.String() {
		return h.view
	}
	h.model.Width = a.width
	h.key, h.view = k.String(), h.model.ShortHelpView(bindings)
	return h.view
}

// helpLine is bubbles' help, 4 KB, and the last help line it drew with
// what that line was drawn from.
type helpLine struct {
	model     help.Model
	key, view string
}

// statusLines wraps the status to the window, up to maxStatusLines (one
// on a tiny window): a message cut at its end lost the
// part that said what to do.
func (a App) statusLines(text string) []string {
	limit := maxStatusLines
	if a.height < 10 {
		limit = 1
	}
	lines := common.WrapWords(text, max(a.width, 1))
	if len(lines) == 0 {
		return []string{""}
	}
	if len(lines) > limit {
		lines[limit-1] = common.TruncateCells(strings.Join(lines[limit-1:], " "), a.width)
		lines = lines[:limit]
	}
	for i, l := range lines {
		lines[i] = common.TruncateCells(l, a.width) // a word longer than the window
	}
	return lines
}

// maxStatusLines is the most lines a status message takes.
const maxStatusLines = 3

// fullHelpView lists every enabled binding, a group to a line, wrapped to
// the window. bubbles' full help sets groups side by side in columns and
// cuts the ones that do not fit, which hides keys at 80 columns.
func (a App) fullHelpView(groups [][]key.Binding) string {
	st := a.c.Styles.Help
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
			case common.CellWidth(line)+common.CellWidth(sep)+common.CellWidth(item) > a.width:
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
	return append(append([][]key.Binding{}, k.screen.FullHelp()...), []key.Binding{k.global.Search, k.helpKey(), k.global.Quit})
}
