# Compiler settings shared by every target the project builds.

if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(XMW_CCACHE ccache)
    if(XMW_CCACHE)
        set(CMAKE_C_COMPILER_LAUNCHER "${XMW_CCACHE}")
        set(CMAKE_CXX_COMPILER_LAUNCHER "${XMW_CCACHE}")
        message(STATUS "Using ccache: ${XMW_CCACHE}")
    endif()
endif()

# Warnings apply to project code only; third-party headers come in as SYSTEM includes.
function(xmw_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# AddressSanitizer + UndefinedBehaviorSanitizer for every target of the project (the `sanitize` and
# `fuzz` presets). Undefined behaviour stops the program, so a test cannot pass over it.
if(XMW_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()

# Coverage feedback for libFuzzer in everything the fuzz targets link (clang only).
if(XMW_BUILD_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "XMW_BUILD_FUZZ needs clang (libFuzzer): configure with the `fuzz` preset")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
