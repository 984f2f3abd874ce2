// stdlib.h first: Swift needs `free` to release the buffers cmark returns.
#include <stdlib.h>
#include <cmark.h>
