// Command ticker is the least a Bubble Tea program with a clock can do: a
// tea.Tick every second that writes the time, nothing drawn, no terminal.
// scripts/bench.sh measures its CPU beside the live interview screen's, in
// the same seconds, as the floor this machine puts under any clock that
// shows seconds. Built like Parley: no rereading of the CPU limit.
//
//go:debug updatemaxprocs=0
package main

import (
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

type tickMsg time.Time

type clock struct{}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

func (clock) Init() tea.Cmd { return tick() }

func (c clock) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if t, ok := msg.(tickMsg); ok {
		fmt.Print(time.Time(t).Format("\r15:04:05"))
		return c, tick()
	}
	return c, nil
}

func (clock) View() string { return "" }

func main() {
	// Input that never ends and never comes: Bubble Tea stops at end of
	// input.
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ticker:", err)
		os.Exit(1)
	}
	defer w.Close()
	p := tea.NewProgram(clock{}, tea.WithoutRenderer(), tea.WithInput(r), tea.WithoutSignalHandler())
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "ticker:", err)
		os.Exit(1)
	}
}
