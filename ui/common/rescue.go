package common

// OpenRescueMsg asks the root for the screen that offers back a rescue
// file: changes the notebook could not take when Parley last stopped.
type OpenRescueMsg struct{ Path string }
