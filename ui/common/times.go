package common

import (
	"time"

	"parley/model"
)

// Hours is the clock the interface shows times of day on: the locale's,
// unless the settings choose one. Like the writers it is shared by
// pointer; the root sets Chosen whenever it reads the settings, and only
// Update and View (the program's one goroutine) touch it.
type Hours struct {
	// Locale is the locale's cycle, read once at start (model.HoursOfLocale).
	Locale model.HourCycle
	// Chosen is the settings' choice; empty follows the locale.
	Chosen model.HourCycle
}

// Cycle is the hour cycle in use: the choice, else the locale's, else 24
// hours (also for a nil Hours).
func (h *Hours) Cycle() model.HourCycle {
	if h == nil {
		return model.Hours24
	}
	return h.Chosen.Or(h.Locale.Or(model.Hours24))
}

// TimeOfDay shows t's time of day in the user's zone and on their clock:
// "15:04" or "3:04 pm". Every screen shows times through it.
func (c *Common) TimeOfDay(t time.Time) string {
	return c.Hours.Cycle().TimeOfDay(t.In(c.Now().Location()))
}

// Choose records the settings' hour cycle (nothing for a nil Hours).
func (h *Hours) Choose(cycle model.HourCycle) {
	if h != nil {
		h.Chosen = cycle.Or(model.HoursFromLocale)
	}
}
