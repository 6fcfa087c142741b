package domain

// CurrentFigure is the newest version of a figure and how many versions it has.
type CurrentFigure struct {
	Figure
	Versions uint64
}
