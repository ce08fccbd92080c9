package formkit_test

import (
	"testing"

	"parley/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m, nil) }
