// The one translation unit that holds stb_image_write's code (it is header-only).
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
