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
