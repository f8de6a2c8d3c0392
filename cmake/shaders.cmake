# axis_add_shaders(TARGET NAME SOURCES a.vert b.frag ...)
# Compiles GLSL to SPIR-V with glslc at build time and emits it as C initialiser lists
# (`glslc -mfmt=c`), so the SPIR-V is embedded in the binary and no .spv file is shipped or committed.
function(axis_add_shaders target)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/spirv)
  file(MAKE_DIRECTORY ${out_dir})
  set(outputs)
  foreach(src ${ARG_SOURCES})
    get_filename_component(name ${src} NAME)
    set(out ${out_dir}/${name}.inc)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${GLSLC} --target-env=vulkan1.3 -O -mfmt=c -MD -MF ${out}.d
              -I ${CMAKE_SOURCE_DIR}/shaders -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPFILE ${out}.d
      COMMENT "glslc ${name}"
      VERBATIM)
    list(APPEND outputs ${out})
  endforeach()
  add_custom_target(${target}_spirv DEPENDS ${outputs})
  add_library(${target} INTERFACE)
  add_dependencies(${target} ${target}_spirv)
  target_include_directories(${target} INTERFACE ${out_dir} ${CMAKE_SOURCE_DIR}/shaders)
endfunction()
