package live

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/ui/app"
	"parley/ui/common"
	"parley/ui/uitest"
)

// Any size down to 1x1, and resizing fast, never panics or overflows.
func TestAnySizeNeverPanics(t *testing.T) {
	d, _, clk := liveInterview(t, 80, 24)
	d.Send(uitest.KeyType(tea.KeyCtrlT))
	d.TypeText("some notes that will need wrapping at narrow widths")
	clk.Advance(19 * time.Minute)
	for range 2 { // notes focused, then the questions
		if err := sweepSizes(d); err != nil {
			t.Fatal(err)
		}
		d.Send(uitest.KeyType(tea.KeyTab))
	}
}

// sweepSizes draws the app at every size from 1x1 to 130x45 and reports
// the first that crashed (a panic the app caught in Update or View counts)
// or drew outside the window.
func sweepSizes(d *uitest.Driver) error {
	for w := 1; w <= 130; w += 3 {
		for h := 1; h <= 45; h += 2 {
			d.Send(tea.WindowSizeMsg{Width: w, Height: h})
			v := d.View()
			if err := d.App.Crashed(); err != nil || d.Quit {
				return fmt.Errorf("%dx%d: the app stopped: %v", w, h, err)
			}
			if strings.Contains(v, app.ViewPanicText) {
				return fmt.Errorf("%dx%d: View panicked: %s", w, h, v)
			}
			lines := strings.Split(v, "\n")
			if len(lines) > h {
				return fmt.Errorf("%dx%d: %d lines", w, h, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					return fmt.Errorf("%dx%d: line %q is %d wide", w, h, l, ansi.StringWidth(l))
				}
			}
		}
	}
	return nil
}

// sizePanicky is a screen with a bug at small sizes, in Update (SetSize)
// or in View.
type sizePanicky struct {
	uitest.Panicky
	inView bool
	width  int
}

func (p sizePanicky) SetSize(w, _ int) common.Screen {
	if w < 20 && !p.inView {
		panic("too narrow")
	}
	p.width = w
	return p
}

func (p sizePanicky) View() string {
	if p.width < 20 && p.inView {
		panic("too narrow to draw")
	}
	return ""
}

// The sweep catches a panic, whether Update or View recovered it: the app
// recovering must not hide a bug from the tests.
func TestSweepSizesCatchesAPanic(t *testing.T) {
	for _, inView := range []bool{false, true} {
		c, _, _ := uitest.NewTestCommon(t)
		d := uitest.NewDriver(t, c, 80, 24)
		d.Send(common.PushMsg{S: sizePanicky{inView: inView}})
		if err := sweepSizes(d); err == nil {
			t.Errorf("panic in view %v: the sweep saw nothing", inView)
		}
	}
}
