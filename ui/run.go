// Package ui is Parley's terminal interface. Run wires it: the root model
// (ui/app) with every screen's opener (ui/screens/...). Screens are built
// from components (ui/components/...) and share ui/common; none imports
// another: they ask the root for a screen with a navigation message.
package ui

import (
	"errors"
	"fmt"
	"math"
	"os"
	"os/signal"
	"parley/ui/app"
	"parley/ui/common"
	"parley/ui/components/outbox"
	"parley/ui/safetext"
	"parley/ui/terminal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// Options configure a run of the interface.
type Options struct {
	// NoColor strips every style (NO_COLOR).
	NoColor bool
	// NoMouse leaves the mouse to the terminal (PARLEY_NO_MOUSE), so a
	// plain drag selects text; with the mouse on, the wheel scrolls and
	// selecting takes shift+drag (option+drag in iTerm2).
	NoMouse bool
	// Input and Output replace the terminal; tests set them.
	Input  *os.File
	Output *os.File
	// Width and Height are the size of an Output that is not a terminal
	// and so reports none; tests set them.
	Width, Height int
}

// gcPercent is the garbage collector's target while the interface runs.
// The summary and the contact list are rebuilt whole after each change;
// with Go's default the garbage of one rebuild lets the heap double. At
// 10,000 contacts that kept RSS at 63 MB against 55 MB here
// (BENCHMARKS.md), for a little more collecting.
const gcPercent = 50

// startMemoryLimit bounds the heap while the collector waits for the first
// screen (collectLessAtStart); a 50,000-contact notebook needs about a
// fifth of it.
const startMemoryLimit = 512 << 20

// collectLessAtStart keeps the garbage collector off until the first
// screen shows the notebook, and returns what turns it back on (at
// gcPercent); a one-off timer does that too if the first screen never
// comes. Reading a 10,000-contact notebook grows the heap from 3 to 30 MB,
// which at Go's pacing took seven collections in the first 55 ms on the
// real binary (GODEBUG=gctrace=1), on a path the user waits on.
func collectLessAtStart() func() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startMemoryLimit)
	var once sync.Once
	on := func() {
		once.Do(func() {
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(gcPercent)
		})
	}
	time.AfterFunc(5*time.Second, on)
	return on
}

// Run shows the interface on the terminal until the user quits or a signal
// stops it, then writes anything not yet saved. The terminal is restored on
// every exit, a crash included. What the notebook cannot take at exit goes
// to a rescue file, offered back on the next open; a crash (a panic in
// Update, View or a command) is written to a report beside the notebook.
// Both paths are in the error returned, so the process exits non-zero.
func Run(s *store.Store, opts Options) error {
	started := func() {}
	if os.Getenv("GOGC") == "" {
		started = collectLessAtStart()
	}
	styles := common.NewStyles(opts.NoColor)
	if common.NeedsASCII(os.Getenv("TERM")) {
		styles.UseASCII()
	}
	out := os.Stdout
	if opts.Output != nil {
		out = opts.Output
	}
	in, closeIn, err := terminalInput(opts.Input)
	if err != nil {
		return err
	}
	defer closeIn()
	// The program and the copy command share one locked writer, so an
	// OSC 52 sequence never lands inside a frame (see terminalOutput).
	termOut := outbox.NewTerminalOutput(out)
	// Frames are drawn by ui/terminal, not by Bubble Tea's renderer (see
	// there why); Bubble Tea still reads the keys.
	screen, err := terminal.Open(terminal.Options{Input: in, Output: termOut, Screen: out, Mouse: !opts.NoMouse})
	if err != nil {
		return fmt.Errorf("could not take the terminal: %w", err)
	}
	defer screen.Close()
	c := &common.Common{Styles: &styles, Store: s, Now: time.Now, Term: termOut, Getenv: os.Getenv,
		After: tea.Tick, Bank: &common.Writer{}, Interviews: &common.InterviewWriter{},
		Hours:   &common.Hours{Locale: model.HoursOfLocale(os.Getenv)},
		Editors: &common.Editors{}, Rescues: store.FindRescues(s.Path()), HandOver: screen.HandOver}
	progOpts := []tea.ProgramOption{tea.WithoutRenderer(), tea.WithoutSignalHandler(), tea.WithOutput(termOut),
		tea.WithInput(in)}
	openers := screenOpeners
	if injectPanic != "" {
		openers = append([]common.Opener{openPanicking}, openers...)
	}
	root := app.NewApp(c, openers)
	procs := newProcessors()
	defer procs.restore()
	p := tea.NewProgram(drawnModel{inner: root, screen: screen, started: &started, procs: procs}, progOpts...)
	root.OnViewCrash(func() { p.Send(app.ViewCrashedMsg{}) })
	screen.WatchSize(func(w, h int) { p.Send(tea.WindowSizeMsg{Width: w, Height: h}) })
	if opts.Width > 0 && opts.Height > 0 {
		// Before anything a test types: queued ahead of the input reader,
		// which starts inside Run.
		go p.Send(tea.WindowSizeMsg{Width: opts.Width, Height: opts.Height})
	}
	if injectPanic != "" {
		go p.Send(panicRequestMsg{})
	}

	// Bubble Tea's own handler quits without letting the app save, and Go's
	// default for SIGHUP (the terminal closed) exits without running
	// deferred code, so every stopping signal goes through the app.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	var killed atomic.Bool
	go func() {
		sig, ok := <-sigs
		if !ok {
			return
		}
		// While $EDITOR runs, the event loop waits for it: the editor
		// gets the signal (and, if it ignores it, a kill), returns, and
		// the app keeps what it saved before quitting.
		c.Editors.Stop(sig)
		// One that is starting gets the signal as it starts; one that
		// ignores it is killed.
		time.AfterFunc(editorGrace, c.Editors.Kill)
		p.Send(app.ShutdownMsg{Reason: sig.String()})
		// If the event loop cannot take the message, stop it anyway; the
		// last model is still flushed below.
		time.Sleep(2 * time.Second)
		killed.Store(true)
		p.Kill()
	}()

	final, runErr := p.Run()
	if d, ok := final.(drawnModel); ok {
		final = d.inner
	}
	leftovers := c.Editors.RemoveLeftovers()
	if errors.Is(runErr, tea.ErrProgramKilled) && killed.Load() {
		runErr = nil // we killed it after a signal; the flush below is what matters
	}
	a, ok := final.(app.App)
	if !ok {
		// Only a panic inside Bubble Tea leaves no model; nothing to flush.
		return errors.Join(errors.New("the interface stopped unexpectedly"), runErr, leftovers)
	}
	s.ForgetFailedWrites()
	flushErr := a.Flush(s)
	if flushErr != nil {
		flushErr = writeRescue(s, flushErr)
	}
	var crashErr error
	if crash := a.Crashed(); crash != nil {
		crashErr = reportCrash(s.Path(), crash, time.Now())
		if errors.Is(runErr, tea.ErrProgramKilled) {
			runErr = nil // the crash says why
		}
	}
	return errors.Join(crashErr, runErr, flushErr, leftovers)
}

// editorGrace is how long an editor has to stop after a forwarded signal
// before it is killed.
const editorGrace = 3 * time.Second

// writeRescue writes what the notebook could not take to a rescue file and
// says where it is.
func writeRescue(s *store.Store, flushErr error) error {
	failed := s.FailedWrites()
	if len(failed) == 0 {
		return flushErr
	}
	path, err := store.WriteRescue(s.Path(), failed, time.Now())
	if err != nil {
		return fmt.Errorf("%w; %w", flushErr, err)
	}
	return fmt.Errorf("%w. Nothing is lost: the changes are in %s, and Parley offers to bring them back the next time it opens",
		flushErr, path)
}

// reportCrash writes a crash's report (what panicked, and where) to a file
// beside the notebook, or in the temporary folder, readable by the user
// alone, and returns the error that names it.
func reportCrash(notebook string, crash *app.Crash, now time.Time) error {
	report := fmt.Sprintf("Parley crashed at %s.\n%s\n\n%s", now.UTC().Format(time.RFC3339), crash.Error(), crash.Stack)
	name := "parley-crash-" + now.UTC().Format("20060102-150405") + ".txt"
	var errs []error
	for _, dir := range []string{filepath.Dir(notebook), os.TempDir()} {
		f, err := os.CreateTemp(dir, strings.TrimSuffix(name, ".txt")+"-*.txt")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		_, err = f.WriteString(report)
		if cErr := f.Close(); err == nil {
			err = cErr
		}
		if err != nil {
			os.Remove(f.Name())
			errs = append(errs, err)
			continue
		}
		return fmt.Errorf("Parley hit an internal error and stopped (%s). What could be saved was saved. "+
			"Please report it with the file %s", safetext.Line(crash.Error()), f.Name())
	}
	return fmt.Errorf("Parley hit an internal error and stopped (%s); the crash report could not be written: %w",
		safetext.Line(crash.Error()), errors.Join(errs...))
}
