// Package ui is Parley's terminal interface. Run wires it: the root model
// (ui/app) with every screen's opener (ui/screens/...). Screens are built
// from components (ui/components/...) and share ui/common; none imports
// another: they ask the root for a screen with a navigation message.
package ui

import (
	"errors"
	"os"
	"os/signal"
	"parley/ui/app"
	"parley/ui/common"
	"parley/ui/components/outbox"
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
}

// Run shows the interface on the terminal until the user quits or a signal
// stops it, then writes anything not yet saved. The terminal is restored on
// every exit, a panic included.
func Run(s *store.Store, opts Options) error {
	styles := common.NewStyles(opts.NoColor)
	if common.NeedsASCII(os.Getenv("TERM")) {
		styles.UseASCII()
	}
	out := os.Stdout
	if opts.Output != nil {
		out = opts.Output
	}
	// The program and the copy command share one locked writer, so an
	// OSC 52 sequence never lands inside a frame (see terminalOutput).
	term := outbox.NewTerminalOutput(out)
	c := &common.Common{Styles: &styles, Store: s, Now: time.Now, Term: term, Getenv: os.Getenv,
		After: tea.Tick, Bank: &common.Writer{}, Interviews: &common.InterviewWriter{},
		Hours: &common.Hours{Locale: model.HoursOfLocale(os.Getenv)}}
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithOutput(term)}
	if !opts.NoMouse {
		// Cell motion reports the wheel; Parley uses nothing else of the
		// mouse, and the terminal's shift+drag still selects text.
		progOpts = append(progOpts, tea.WithMouseCellMotion())
	}
	if opts.Input != nil {
		progOpts = append(progOpts, tea.WithInput(opts.Input))
	}
	p := tea.NewProgram(app.NewApp(c, screenOpeners), progOpts...)

	// Bubble Tea's own handler quits without letting the app save, and Go's
	// default for SIGHUP (the terminal closed) exits without running
	// deferred code, so every stopping signal goes through the app.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		sig, ok := <-sigs
		if !ok {
			return
		}
		p.Send(app.ShutdownMsg{Reason: sig.String()})
		// If the event loop cannot take the message, stop it anyway; the
		// last model is still flushed below.
		time.Sleep(2 * time.Second)
		p.Kill()
	}()

	final, runErr := p.Run()
	app, ok := final.(app.App)
	if !ok {
		// Only a panic outside Update leaves no model; nothing to flush.
		if runErr == nil {
			runErr = errors.New("the interface stopped unexpectedly")
		}
		return runErr
	}
	flushErr := app.Flush(s)
	if errors.Is(runErr, tea.ErrProgramKilled) {
		runErr = nil // we killed it after a signal; the flush above is what matters
	}
	return errors.Join(app.Crashed(), runErr, flushErr)
}
