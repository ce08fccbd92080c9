package importer

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/exchange"
	"parley/ui/uitest"
)

// reviewingPlan is the screen showing the plan of an n-contact file.
func reviewingPlan(b *testing.B, n int) Importer {
	c, _, _ := uitest.NewTestCommon(b)
	m := New(c)
	var added []string
	for i := range n {
		added = append(added, fmt.Sprintf("contact Person %d (Organisation %d)", i, i%97))
	}
	m.phase, m.plan = reviewing, planned{name: "big.vcf", format: exchange.FormatVCard, plan: exchange.Plan{Added: added}}
	return m.SetSize(120, 40).(Importer)
}

// A key in the plan's list costs what is on screen, not the plan's size:
// compare 100 with 10,000.
func BenchmarkScrollPlan100(b *testing.B) { benchmarkScroll(b, 100) }
func BenchmarkScrollPlan10k(b *testing.B) { benchmarkScroll(b, 10_000) }

func benchmarkScroll(b *testing.B, n int) {
	m := reviewingPlan(b, n)
	down := uitest.KeyType(tea.KeyPgDown)
	b.ResetTimer()
	for range b.N {
		next, _ := m.Update(down)
		m = next.(Importer)
		_ = m.View()
	}
}

// Laying the plan out happens once per plan and per resize.
func BenchmarkLayoutPlan10k(b *testing.B) {
	m := reviewingPlan(b, 10_000)
	b.ResetTimer()
	for range b.N {
		m = m.SetSize(120, 40+b.N%2).(Importer)
	}
}
