// Package terminal draws Parley's frames and holds the terminal's modes (raw
// input, the alternate screen, mouse and bracketed paste) in place of Bubble
// Tea v1's standard renderer.
//
// That renderer wakes on a ticker 15 to 120 times a second for as long as
// the program runs, whether or not anything changed, and shows even the
// first frame only at the first tick. Measured on the real binary in tmux
// (scheduler run time, BENCHMARKS.md): a bare Go ticker at 15 Hz costs
// 0.45-0.6% of a core on our 2-core test machine, a Bubble Tea program with a
// static view 0.9%, against the 0.3% an idle Parley may use; and the first
// frame waited 67 ms for its tick at 15 fps. Bubble Tea v1 lets a program run
// without its renderer (tea.WithoutRenderer) and still reads keys, mouse and
// paste from the input; this package does the rest. A frame is written as
// soon as the view changes, no sooner than minFrame after the last one, and
// nothing runs while nothing changes.
package terminal

import (
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// minFrame is the least time between two frames: a burst of messages
// (command results arriving together) draws its last frame, not each one.
// Keys come further apart than this even when typed fast.
const minFrame = time.Second / 120

// Options say where to draw and what to ask of the terminal.
type Options struct {
	// Input is put in raw mode while the program runs, when it is a
	// terminal.
	Input *os.File
	// Output gets the frames and the mode sequences. Screen is the file
	// behind it: its size is the screen's, and a program run in the
	// terminal (HandOver) writes to it directly, so it sees a terminal
	// (Vim warns and waits when its output is a pipe).
	Output io.Writer
	Screen *os.File
	// Mouse turns on the terminal's button-event mouse reports (the
	// wheel), in SGR form.
	Mouse bool
}

// Terminal is the screen Parley draws on.
type Terminal struct {
	opts  Options
	inTTY bool
	// outTTY: the output is a terminal, so its size can be asked.
	outTTY bool

	mu       sync.Mutex
	frame    string // the newest view
	drawn    bool   // frame is on the screen
	shown    []string
	width    int
	height   int
	released bool // a program run in the terminal has it
	saved    *term.State

	// writing is held while bytes go to the terminal, so a hand-over
	// waits for a frame being written.
	writing   sync.Mutex
	lastWrite time.Time

	wake    chan struct{}
	done    chan struct{}
	stopped sync.WaitGroup
	winch   chan os.Signal
	// onResize is told the output's size (see WatchSize).
	onResize func(width, height int)
}

// Open takes the terminal: raw input, the alternate screen, hidden cursor,
// bracketed paste and, if asked, the mouse. Close gives it back.
func Open(opts Options) (*Terminal, error) {
	t := &Terminal{opts: opts, wake: make(chan struct{}, 1), done: make(chan struct{})}
	t.inTTY = opts.Input != nil && term.IsTerminal(opts.Input.Fd())
	t.outTTY = opts.Screen != nil && term.IsTerminal(opts.Screen.Fd())
	if err := t.takeInput(); err != nil {
		return nil, err
	}
	t.write(t.enterModes())
	t.stopped.Add(1)
	go t.drawLoop()
	return t, nil
}

// WatchSize tells fn the output terminal's size now, whenever the terminal
// is resized, and when a program run in it (HandOver) returns. fn is
// called from a goroutine of its own and may block. An output that is not
// a terminal has no size to tell.
func (t *Terminal) WatchSize(fn func(width, height int)) {
	if !t.outTTY {
		return
	}
	t.mu.Lock()
	t.onResize = fn
	t.mu.Unlock()
	t.winch = make(chan os.Signal, 1)
	signal.Notify(t.winch, syscall.SIGWINCH)
	t.winch <- syscall.SIGWINCH // the size at start
	t.stopped.Add(1)
	go t.resizeLoop()
}

// Draw makes view the frame on screen. It is called from View, on the event
// loop: a frame is written there and then when the last one is older than
// minFrame and none is being written (a handoff to the drawing goroutine
// waits for a processor, which a busy program may not have for
// milliseconds); else the drawing goroutine writes it when its time comes.
func (t *Terminal) Draw(view string) { t.draw(view, false) }

// DrawNow is Draw for a frame the user is waiting for (the first one with
// the notebook in it): minFrame does not hold it back.
func (t *Terminal) DrawNow(view string) { t.draw(view, true) }

func (t *Terminal) draw(view string, now bool) {
	t.mu.Lock()
	if view == t.frame && t.drawn {
		t.mu.Unlock()
		return
	}
	t.frame, t.drawn = view, false
	t.mu.Unlock()
	if t.writing.TryLock() {
		due := now || time.Since(t.lastWrite) >= minFrame
		if due {
			t.flushLocked()
		}
		t.writing.Unlock()
		if due {
			return
		}
	}
	select {
	case t.wake <- struct{}{}:
	default: // a wake is already waiting; it will draw the newest frame
	}
}

// Resize sets the size frames are drawn at; the next frame is drawn whole.
func (t *Terminal) Resize(width, height int) {
	t.mu.Lock()
	t.width, t.height, t.shown, t.drawn = width, height, nil, false
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// drawLoop writes each new frame, waiting while the last one is younger
// than minFrame. It sleeps on its channel between frames: an idle screen
// costs nothing.
func (t *Terminal) drawLoop() {
	defer t.stopped.Done()
	for {
		select {
		case <-t.wake:
		case <-t.done:
			return
		}
		t.writing.Lock()
		wait := minFrame - time.Since(t.lastWrite)
		t.writing.Unlock()
		if wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-timer.C:
			case <-t.done:
				timer.Stop()
				return
			}
		}
		t.flush()
	}
}

// flush writes the newest frame if it is not on the screen yet.
func (t *Terminal) flush() {
	t.writing.Lock()
	defer t.writing.Unlock()
	t.flushLocked()
}

// flushLocked is flush with t.writing held.
func (t *Terminal) flushLocked() {
	t.mu.Lock()
	if t.drawn || t.released {
		t.mu.Unlock()
		return
	}
	out, lines := frameDiff(t.shown, t.frame, t.width, t.height)
	t.shown, t.drawn = lines, true
	t.mu.Unlock()
	if len(out) > 0 {
		// A terminal that cannot be written to (closed, hung up) is
		// noticed by the signal that follows; a frame has nowhere to go.
		_, _ = t.opts.Output.Write(out)
	}
	t.lastWrite = time.Now()
}

// HandOver wraps a program to run in the terminal (tea.Exec): the terminal
// is given back to the user's state while it runs, and taken again, redrawn
// whole, when it returns. Bubble Tea stops reading keys around it.
func (t *Terminal) HandOver(cmd tea.ExecCommand) tea.ExecCommand {
	return handedOver{ExecCommand: cmd, t: t}
}

type handedOver struct {
	tea.ExecCommand
	t *Terminal
}

// SetStdout gives the program the terminal itself rather than the writer
// frames go through.
func (h handedOver) SetStdout(w io.Writer) {
	if h.t.opts.Screen != nil {
		w = h.t.opts.Screen
	}
	h.ExecCommand.SetStdout(w)
}

func (h handedOver) Run() error {
	if err := h.t.release(); err != nil {
		return err
	}
	runErr := h.ExecCommand.Run()
	if err := h.t.retake(); err != nil && runErr == nil {
		runErr = err
	}
	return runErr
}

func (t *Terminal) release() error {
	t.writing.Lock()
	defer t.writing.Unlock()
	t.mu.Lock()
	t.released = true
	t.mu.Unlock()
	t.write(leaveModes(t.opts.Mouse))
	return t.giveInput()
}

func (t *Terminal) retake() error {
	err := t.takeInput()
	t.writing.Lock()
	t.write(t.enterModes())
	t.mu.Lock()
	t.released, t.shown, t.drawn = false, nil, false
	t.mu.Unlock()
	t.writing.Unlock()
	// Nothing is drawn until the next view: the frame held is from before
	// the program ran (a clock in it would flash its old time). The
	// terminal may have been resized while the program had it.
	if t.winch != nil {
		select {
		case t.winch <- syscall.SIGWINCH:
		default:
		}
	}
	return err
}

// Close stops drawing and gives the terminal back as it was found.
func (t *Terminal) Close() error {
	select {
	case <-t.done:
		return nil // closed already
	default:
	}
	close(t.done)
	if t.winch != nil {
		signal.Stop(t.winch)
		close(t.winch)
	}
	t.stopped.Wait()
	t.writing.Lock()
	defer t.writing.Unlock()
	t.mu.Lock()
	released := t.released
	t.mu.Unlock()
	if released {
		return nil
	}
	t.write(leaveModes(t.opts.Mouse))
	return t.giveInput()
}

func (t *Terminal) resizeLoop() {
	defer t.stopped.Done()
	for range t.winch {
		t.tellSize()
	}
}

// tellSize asks the output terminal its size and tells OnResize.
func (t *Terminal) tellSize() {
	w, h, err := term.GetSize(t.opts.Screen.Fd())
	t.mu.Lock()
	fn := t.onResize
	t.mu.Unlock()
	if err != nil || w <= 0 || h <= 0 || fn == nil {
		return
	}
	fn(w, h)
}

func (t *Terminal) takeInput() error {
	if !t.inTTY {
		return nil
	}
	saved, err := term.MakeRaw(t.opts.Input.Fd())
	if err != nil {
		return err
	}
	t.mu.Lock()
	t.saved = saved
	t.mu.Unlock()
	return nil
}

func (t *Terminal) giveInput() error {
	t.mu.Lock()
	saved := t.saved
	t.saved = nil
	t.mu.Unlock()
	if saved == nil {
		return nil
	}
	return term.Restore(t.opts.Input.Fd(), saved)
}

func (t *Terminal) write(s string) { _, _ = io.WriteString(t.opts.Output, s) }

// enterModes is what taking the terminal writes: the alternate screen,
// cleared (also where there is no alternate screen), hidden cursor,
// bracketed paste, and the mouse if asked.
func (t *Terminal) enterModes() string {
	s := ansi.SetModeAltScreenSaveCursor + ansi.EraseEntireScreen + ansi.CursorHomePosition +
		ansi.ResetModeTextCursorEnable + ansi.SetModeBracketedPaste
	if t.opts.Mouse {
		s += ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr
	}
	return s
}

// leaveModes undoes enterModes.
func leaveModes(mouse bool) string {
	s := ansi.ResetModeBracketedPaste + ansi.SetModeTextCursorEnable
	if mouse {
		s += ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr
	}
	return s + ansi.ResetModeAltScreenSaveCursor
}
